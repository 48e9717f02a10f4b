using System.Text.Json.Nodes;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Kube;

namespace VeleroOpenShift.OpenShift.Cluster;

/// <summary>
/// Reads the objects offline look-ups answer with from JSON files: a file, or every <c>*.json</c> file of a
/// folder (sorted by name). A file holds one object or a <c>List</c> (as <c>kubectl get -o json</c> writes).
/// </summary>
public static class ClusterObjectFiles
{
    public static async Task<IReadOnlyList<JsonObject>> LoadAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var files = Directory.Exists(path)
            ? Directory.GetFiles(path, "*.json").Order(StringComparer.Ordinal).ToArray()
            : File.Exists(path) ? [path] : throw new InvalidInputException(path, "is neither a JSON file nor a folder");
        var objects = new List<JsonObject>();
        foreach (var file in files)
        {
            await using var stream = File.OpenRead(file);
            var json = await KubeJson.ParseObjectAsync(stream, ItemReference.Payload(file), cancellationToken).ConfigureAwait(false);
            objects.AddRange(Expand(json, file));
        }

        return objects;
    }

    /// <summary>The items of a <c>List</c> (or any <c>…List</c> kind), or the object itself.</summary>
    public static IEnumerable<JsonObject> Expand(JsonObject json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        var reference = ItemReference.Payload(source);
        var kind = ItemFields.GetString(json, "kind", reference) ?? string.Empty;
        if (!kind.EndsWith("List", StringComparison.Ordinal))
        {
            return [json];
        }

        var items = ItemFields.GetArray(json, "items", reference) ?? [];
        return items.Select((item, i) => item as JsonObject
            ?? throw new InvalidItemException(reference, $"items[{i}]", $"must be an object, got {KubeJson.Describe(item)}"));
    }
}
