using System.Text;
using System.Text.Json.Nodes;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Kube;

namespace VeleroOpenShift.Tests.Kube;

public sealed class KubeJsonTests
{
    private static readonly ItemReference Pod = ItemReference.Payload("Pod");

    [Fact]
    public void Round_trip_keeps_unknown_fields_key_order_and_number_spellings()
    {
        const string json = """{"kind":"Pod","apiVersion":"v1","metadata":{"name":"web","zLast":1,"aFirst":2},"spec":{"ratio":1.50,"big":12345678901234567890,"exp":1e3,"neg":-0.0,"x-unknown":{"nested":[1,"two",null,true]}},"status":{}}""";

        var item = KubeJson.ParseObject(Encoding.UTF8.GetBytes(json), Pod);

        Assert.Equal(json, Encoding.UTF8.GetString(KubeJson.SerializeToUtf8(item)));
    }

    [Fact]
    public void Round_trip_after_an_edit_touches_only_the_edited_field()
    {
        const string json = """{"kind":"Pod","metadata":{"name":"web","annotations":{"a":"1"}},"spec":{"n":2.0}}""";
        var item = KubeJson.ParseObject(json, Pod);

        ItemFields.SetString(item, "metadata.annotations.b", "2", Pod);

        Assert.Equal("""{"kind":"Pod","metadata":{"name":"web","annotations":{"a":"1","b":"2"}},"spec":{"n":2.0}}""", KubeJson.Serialize(item));
    }

    [Fact]
    public void Text_that_is_not_html_is_written_unescaped()
    {
        var item = KubeJson.ParseObject("""{"kind":"ConfigMap","data":{"x":"a<b & c>d é"}}""", Pod);

        Assert.Contains("a<b & c>d é", KubeJson.Serialize(item), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("{\"kind\":", "is not valid JSON")]
    [InlineData("[1,2]", "must be a JSON object, got an array")]
    [InlineData("\"text\"", "must be a JSON object, got a string")]
    [InlineData("null", "must be a JSON object, got null")]
    [InlineData("{\"a\":1,\"a\":2}", "is not valid JSON")]
    public void Bad_payloads_are_refused_with_a_message_naming_what_was_parsed(string payload, string expected)
    {
        var failure = Assert.Throws<InvalidItemException>(() => KubeJson.ParseObject(Encoding.UTF8.GetBytes(payload), ItemReference.Payload("Restore")));

        Assert.StartsWith("Restore/", failure.Message, StringComparison.Ordinal);
        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
        Assert.Equal(FailureKind.InvalidData, failure.Kind);
    }

    [Fact]
    public async Task Parses_from_a_stream()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("""{"kind":"Secret"}"""));

        var item = await KubeJson.ParseObjectAsync(stream, Pod, CancellationToken.None);

        Assert.Equal("Secret", (string?)item["kind"]);
    }

    [Fact]
    public void Item_reference_names_kind_namespace_and_name_even_for_malformed_items()
    {
        Assert.Equal("Pod/shop/web-1", ItemReference.Of(JsonNode.Parse("""{"kind":"Pod","metadata":{"namespace":"shop","name":"web-1"}}""")!.AsObject()).ToString());
        Assert.Equal("PersistentVolume/pv-1", ItemReference.Of(JsonNode.Parse("""{"kind":"PersistentVolume","metadata":{"name":"pv-1"}}""")!.AsObject()).ToString());
        Assert.Equal("<unknown>/<unknown>", ItemReference.Of(JsonNode.Parse("""{"kind":7,"metadata":"oops"}""")!.AsObject()).ToString());
    }
}
