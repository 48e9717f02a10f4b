using System.Text.Json.Nodes;
using VeleroOpenShift.Kube;

namespace VeleroOpenShift.Tests.Transform;

public sealed class JsonDiffTests
{
    [Theory]
    [InlineData("""{"a":1}""", """{"a":1}""", "")]
    [InlineData("""{"a":1}""", """{"a":2}""", "a")]
    [InlineData("""{"a":{"b":1,"c":2}}""", """{"a":{"b":1}}""", "a.c")]
    [InlineData("""{"a":{"b":1}}""", """{"a":{"b":1,"n":null}}""", "a.n")]
    [InlineData("""{"a":{"n":null}}""", """{"a":{}}""", "a.n")]
    [InlineData("""{"s":{"c":[{"i":"x"},{"i":"y"}]}}""", """{"s":{"c":[{"i":"x"},{"i":"z"}]}}""", "s.c[1].i")]
    [InlineData("""{"s":[1,2]}""", """{"s":[1,2,3]}""", "s")]
    [InlineData("""{"s":"x"}""", """{"s":{"x":1}}""", "s")]
    public void Names_each_changed_path(string before, string after, string expected)
    {
        var paths = JsonDiff.ChangedPaths(JsonNode.Parse(before), JsonNode.Parse(after));

        Assert.Equal(expected, string.Join(';', paths));
    }
}
