using System.Text.Json.Nodes;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Kube;

namespace VeleroOpenShift.Tests.Kube;

public sealed class ItemFieldsTests
{
    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    private static readonly ItemReference Web = new("Pod", "shop", "web");

    [Fact]
    public void Absent_and_null_fields_read_as_null()
    {
        var item = Parse("""{"metadata":{"labels":null}}""");

        Assert.Null(ItemFields.GetString(item, "metadata.name", Web));
        Assert.Null(ItemFields.GetObject(item, "metadata.labels", Web));
        Assert.Null(ItemFields.GetString(item, "spec.template.metadata.name", Web));
        Assert.Empty(ItemFields.GetStringMap(item, "metadata.labels", Web));
    }

    [Fact]
    public void A_field_of_the_wrong_type_names_the_item_and_the_full_path()
    {
        var item = Parse("""{"metadata":{"name":42,"labels":{"app":"web","tier":3}},"spec":"oops"}""");

        var name = Assert.Throws<InvalidItemException>(() => ItemFields.GetString(item, "metadata.name", Web));
        Assert.Equal("Pod/shop/web: field metadata.name: must be a string, got a number", name.Message);
        Assert.Equal("metadata.name", name.Field);

        var label = Assert.Throws<InvalidItemException>(() => ItemFields.GetStringMap(item, "metadata.labels", Web));
        Assert.Equal("metadata.labels.tier", label.Field);

        var through = Assert.Throws<InvalidItemException>(() => ItemFields.GetString(item, "spec.containers", Web));
        Assert.Equal("spec", through.Field);
        Assert.Contains("must be an object, got a string", through.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Typed_reads_return_values()
    {
        var item = Parse("""{"spec":{"replicas":3,"paused":true,"name":"x","list":[1]}}""");

        Assert.Equal(3, ItemFields.GetInt64(item, "spec.replicas", Web));
        Assert.True(ItemFields.GetBoolean(item, "spec.paused", Web));
        Assert.Equal("x", ItemFields.GetString(item, "spec.name", Web));
        Assert.Single(ItemFields.GetArray(item, "spec.list", Web)!);
        Assert.Throws<InvalidItemException>(() => ItemFields.GetInt64(item, "spec.name", Web));
        Assert.Throws<InvalidItemException>(() => ItemFields.GetBoolean(item, "spec.replicas", Web));
    }

    [Fact]
    public void Writes_create_parents_and_removal_reports_what_it_did()
    {
        var item = Parse("""{"metadata":{"name":"web"}}""");

        ItemFields.SetString(item, "metadata.annotations.x", "1", Web);
        Assert.Equal("1", ItemFields.GetString(item, "metadata.annotations.x", Web));
        Assert.True(ItemFields.Remove(item, "metadata.annotations.x", Web));
        Assert.False(ItemFields.Remove(item, "metadata.annotations.x", Web));
        Assert.False(ItemFields.Remove(item, "spec.nothing", Web));
    }

    [Fact]
    public void Ensure_object_refuses_to_replace_a_non_object()
    {
        var item = Parse("""{"metadata":{"annotations":"flat"}}""");

        var failure = Assert.Throws<InvalidItemException>(() => ItemFields.EnsureObject(item, "metadata.annotations", Web));

        Assert.Equal("metadata.annotations", failure.Field);
        Assert.Equal("\"flat\"", item["metadata"]!["annotations"]!.ToJsonString());
    }
}
