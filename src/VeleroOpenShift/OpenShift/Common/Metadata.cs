using System.Text.Json.Nodes;
using VeleroOpenShift.Kube;

namespace VeleroOpenShift.OpenShift.Common;

/// <summary>Reads and in-place edits of an item's metadata: name, namespace, labels, annotations, owners.</summary>
internal static class Metadata
{
    public static string Name(JsonObject item, ItemReference reference) =>
        ItemFields.GetString(item, "metadata.name", reference) is { Length: > 0 } name ? name : throw Fields.Required(reference, "metadata.name");

    /// <summary>The namespace, or the empty string for a cluster-scoped (or namespace-less) item.</summary>
    public static string Namespace(JsonObject item, ItemReference reference) =>
        ItemFields.GetString(item, "metadata.namespace", reference) ?? string.Empty;

    public static string? Annotation(JsonObject item, string key, ItemReference reference) =>
        ItemFields.GetObject(item, "metadata.annotations", reference) is { } map
            ? Fields.String(map, key, $"metadata.annotations.{key}", reference)
            : null;

    public static IReadOnlyDictionary<string, string> Annotations(JsonObject item, ItemReference reference) =>
        ItemFields.GetStringMap(item, "metadata.annotations", reference);

    public static bool HasAnnotation(JsonObject item, string key, ItemReference reference) =>
        ItemFields.GetObject(item, "metadata.annotations", reference)?.ContainsKey(key) == true;

    public static void SetAnnotation(JsonObject item, string key, string value, ItemReference reference) =>
        ItemFields.EnsureObject(item, "metadata.annotations", reference)[key] = value;

    public static bool RemoveAnnotation(JsonObject item, string key, ItemReference reference) =>
        ItemFields.GetObject(item, "metadata.annotations", reference)?.Remove(key) == true;

    public static string? Label(JsonObject item, string key, ItemReference reference) =>
        ItemFields.GetObject(item, "metadata.labels", reference) is { } map
            ? Fields.String(map, key, $"metadata.labels.{key}", reference)
            : null;

    public static IReadOnlyDictionary<string, string> Labels(JsonObject item, ItemReference reference) =>
        ItemFields.GetStringMap(item, "metadata.labels", reference);

    public static void SetLabel(JsonObject item, string key, string value, ItemReference reference) =>
        ItemFields.EnsureObject(item, "metadata.labels", reference)[key] = value;

    public static bool RemoveLabel(JsonObject item, string key, ItemReference reference) =>
        ItemFields.GetObject(item, "metadata.labels", reference)?.Remove(key) == true;

    /// <summary>The owner references (kind and name) of an item; an empty or absent list reads as none.</summary>
    public static IReadOnlyList<OwnerReference> OwnerReferences(JsonObject item, ItemReference reference)
    {
        var owners = new List<OwnerReference>();
        foreach (var (owner, path) in Fields.Objects(ItemFields.GetArray(item, "metadata.ownerReferences", reference), "metadata.ownerReferences", reference))
        {
            owners.Add(new OwnerReference(
                Fields.String(owner, "kind", $"{path}.kind", reference) ?? string.Empty,
                Fields.String(owner, "name", $"{path}.name", reference) ?? string.Empty));
        }

        return owners;
    }
}

internal sealed record OwnerReference(string Kind, string Name);
