using System.Text.Json;
using System.Text.Json.Nodes;

namespace VeleroOpenShift.Tests.OpenShift;

/// <summary>Short JSON literals for tests (single quotes allowed, turned into double quotes).</summary>
internal static class Json
{
    // Strict, so fixture files stay plain JSON that any tool can read.
    private static readonly JsonDocumentOptions Options = new();

    public static JsonObject O(string json) => JsonNode.Parse(json.Replace('\'', '"'), documentOptions: Options)!.AsObject();

    public static JsonNode? Parse(string json) => JsonNode.Parse(json, documentOptions: Options);

    public static void Equal(JsonNode? expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(expected, actual), $"expected:\n{expected?.ToJsonString()}\nactual:\n{actual?.ToJsonString()}");
}
