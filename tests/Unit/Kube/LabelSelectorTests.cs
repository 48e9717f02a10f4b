using System.Text.Json.Nodes;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Kube;

namespace VeleroOpenShift.Tests.Kube;

public sealed class LabelSelectorTests
{
    private static readonly Dictionary<string, string> Labels = new() { ["app"] = "web", ["tier"] = "front", ["replicas"] = "3" };

    [Theory]
    [InlineData("", true)]
    [InlineData("app=web", true)]
    [InlineData("app==web", true)]
    [InlineData("app=db", false)]
    [InlineData("app!=db", true)]
    [InlineData("missing!=x", true)]
    [InlineData("app in (web, api)", true)]
    [InlineData("app in (api)", false)]
    [InlineData("app notin (api,db)", true)]
    [InlineData("missing notin (a)", true)]
    [InlineData("tier", true)]
    [InlineData("missing", false)]
    [InlineData("!missing", true)]
    [InlineData("!app", false)]
    [InlineData("replicas>2", true)]
    [InlineData("replicas<2", false)]
    [InlineData("app=web,tier=front", true)]
    [InlineData("app=web,tier=back", false)]
    [InlineData(" app = web , tier in (front,back) ", true)]
    public void Parses_and_matches_like_kubernetes(string selector, bool expected)
    {
        Assert.Equal(expected, LabelSelector.Parse(selector).Matches(Labels));
    }

    [Theory]
    [InlineData("app in web")]
    [InlineData("app=web,,tier=front")]
    [InlineData("a b c")]
    [InlineData("replicas>three")]
    [InlineData("=web")]
    public void Malformed_selectors_are_refused_with_the_selector_named(string selector)
    {
        var failure = Assert.Throws<InvalidInputException>(() => LabelSelector.Parse(selector));

        Assert.Contains(selector, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_the_object_form()
    {
        var json = JsonNode.Parse("""{"matchLabels":{"app":"web"},"matchExpressions":[{"key":"tier","operator":"In","values":["front"]},{"key":"legacy","operator":"DoesNotExist"}]}""")!.AsObject();

        var selector = LabelSelector.FromObject(json, ItemReference.Payload("Restore"), "spec.labelSelector");

        Assert.True(selector.Matches(Labels));
        Assert.Equal("app=web,tier=front,!legacy", selector.ToString());
    }

    [Fact]
    public void Object_form_errors_name_the_expression()
    {
        var json = JsonNode.Parse("""{"matchExpressions":[{"key":"tier","operator":"Like"}]}""")!.AsObject();

        var failure = Assert.Throws<InvalidItemException>(() => LabelSelector.FromObject(json, ItemReference.Payload("Restore"), "spec.labelSelector"));

        Assert.Equal("spec.labelSelector.matchExpressions[0].operator", failure.Field);
    }
}
