using System.Text.Json.Nodes;

namespace VeleroOpenShift.Kube;

/// <summary>
/// Identifies an item in messages and error targets as <c>Kind/namespace/name</c>
/// (<c>Kind/name</c> when cluster-scoped). Built leniently: a malformed item still gets a usable reference.
/// </summary>
public readonly record struct ItemReference(string Kind, string? Namespace, string Name)
{
    private const string Unknown = "<unknown>";

    public static ItemReference Of(JsonObject item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var metadata = item["metadata"] as JsonObject;
        return new ItemReference(
            StringOrNull(item["kind"]) ?? Unknown,
            StringOrNull(metadata?["namespace"]) is { Length: > 0 } ns ? ns : null,
            StringOrNull(metadata?["name"]) ?? StringOrNull(metadata?["generateName"]) ?? Unknown);
    }

    /// <summary>A reference for a payload that is not a Kubernetes object (a Backup, a Restore, a request body).</summary>
    public static ItemReference Payload(string what) => new(what, null, Unknown);

    public override string ToString() => Namespace is null ? $"{Kind}/{Name}" : $"{Kind}/{Namespace}/{Name}";

    private static string? StringOrNull(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
