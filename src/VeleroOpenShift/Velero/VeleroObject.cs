using System.Text.Json.Nodes;
using VeleroOpenShift.Kube;

namespace VeleroOpenShift.Velero;

/// <summary>
/// A Velero custom resource (Backup or Restore) as Velero sends it: the JSON is kept whole and read
/// leniently (absent means empty, unknown fields are ignored, apiVersion and kind may be missing).
/// </summary>
public abstract class VeleroObject
{
    protected VeleroObject(JsonObject json, string kind)
    {
        ArgumentNullException.ThrowIfNull(json);
        Json = json;
        Reference = new ItemReference(kind, ReadString(json, "metadata.namespace", kind), ReadString(json, "metadata.name", kind) ?? "<unnamed>");
    }

    public JsonObject Json { get; }

    public ItemReference Reference { get; }

    public string Name => Reference.Name;

    public string? Namespace => Reference.Namespace;

    public string Uid => ItemFields.GetString(Json, "metadata.uid", Reference) ?? string.Empty;

    public IReadOnlyDictionary<string, string> Labels => ItemFields.GetStringMap(Json, "metadata.labels", Reference);

    public IReadOnlyDictionary<string, string> Annotations => ItemFields.GetStringMap(Json, "metadata.annotations", Reference);

    protected string? Spec(string path) => ItemFields.GetString(Json, "spec." + path, Reference);

    protected IReadOnlyList<string> SpecList(string path)
    {
        var array = ItemFields.GetArray(Json, "spec." + path, Reference);
        if (array is null)
        {
            return [];
        }

        var values = new List<string>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            values.Add(array[i] is JsonValue v && v.TryGetValue(out string? text)
                ? text
                : throw new Errors.InvalidItemException(Reference, $"spec.{path}[{i}]", $"must be a string, got {KubeJson.Describe(array[i])}"));
        }

        return values;
    }

    private static string? ReadString(JsonObject json, string path, string kind) =>
        ItemFields.GetString(json, path, ItemReference.Payload(kind));
}
