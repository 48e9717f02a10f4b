using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using VeleroOpenShift.Errors;

namespace VeleroOpenShift.Kube;

/// <summary>
/// Reads and writes Kubernetes objects as mutable JSON trees. Objects are edited in place, so fields this
/// project does not know, key order and number spellings survive a round trip untouched.
/// </summary>
public static class KubeJson
{
    // Kubernetes objects are not HTML; escaping '<', '&' or non-ASCII text would only make output harder to read.
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    private static readonly JsonWriterOptions IndentedWriterOptions = WriterOptions with { Indented = true };

    // Duplicate keys are refused: Go's decoder keeps the last one silently, and an action that read the
    // first while Velero applied the last would rewrite the wrong value.
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 512, AllowDuplicateProperties = false };

    /// <summary>Parses UTF-8 JSON that must be an object; <paramref name="what"/> names it in errors.</summary>
    public static JsonObject ParseObject(ReadOnlySpan<byte> utf8, ItemReference what)
    {
        if (utf8.IsEmpty)
        {
            throw new InvalidItemException(what, null, "is empty; a JSON object was expected");
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(utf8, nodeOptions: null, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new InvalidItemException(what, null, $"is not valid JSON: {e.Message}", e);
        }

        return AsObject(node, what);
    }

    /// <summary>Parses JSON text that must be an object.</summary>
    public static JsonObject ParseObject(string json, ItemReference what)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ParseObject(System.Text.Encoding.UTF8.GetBytes(json), what);
    }

    /// <summary>Reads a whole JSON object from a stream.</summary>
    public static async Task<JsonObject> ParseObjectAsync(Stream utf8, ItemReference what, CancellationToken cancellationToken)
    {
        JsonNode? node;
        try
        {
            node = await JsonNode.ParseAsync(utf8, nodeOptions: null, DocumentOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            throw new InvalidItemException(what, null, $"is not valid JSON: {e.Message}", e);
        }

        return AsObject(node, what);
    }

    public static byte[] SerializeToUtf8(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        using var buffer = new MemoryStream();
        Write(node, buffer, WriterOptions);
        return buffer.ToArray();
    }

    public static string Serialize(JsonNode node, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(node);
        using var buffer = new MemoryStream();
        Write(node, buffer, indented ? IndentedWriterOptions : WriterOptions);
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static void Write(JsonNode node, Stream destination, bool indented)
    {
        ArgumentNullException.ThrowIfNull(node);
        Write(node, destination, indented ? IndentedWriterOptions : WriterOptions);
    }

    private static void Write(JsonNode node, Stream destination, JsonWriterOptions options)
    {
        using var writer = new Utf8JsonWriter(destination, options);
        node.WriteTo(writer);
    }

    private static JsonObject AsObject(JsonNode? node, ItemReference what)
    {
        return node as JsonObject
            ?? throw new InvalidItemException(what, null, $"must be a JSON object, got {Describe(node)}");
    }

    /// <summary>Names the JSON type of a node for error messages.</summary>
    public static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "an array",
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "a value",
        },
        _ => "a value",
    };
}
