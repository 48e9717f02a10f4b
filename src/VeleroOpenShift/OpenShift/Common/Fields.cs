using System.Text.Json;
using System.Text.Json.Nodes;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Kube;

namespace VeleroOpenShift.OpenShift.Common;

/// <summary>
/// Reads of one member of a JSON object that sits somewhere inside an item, naming the member by its full
/// path from the item root in errors (<c>spec.containers[1].image</c>), which <see cref="ItemFields"/>
/// cannot do for objects inside arrays. Absent and null read as null.
/// </summary>
internal static class Fields
{
    public static string? String(JsonObject parent, string key, string path, ItemReference item) =>
        parent[key] switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            var other => throw WrongType(item, path, "a string", other),
        };

    public static JsonObject? Object(JsonObject parent, string key, string path, ItemReference item) =>
        parent[key] switch
        {
            null => null,
            JsonObject o => o,
            var other => throw WrongType(item, path, "an object", other),
        };

    public static JsonArray? Array(JsonObject parent, string key, string path, ItemReference item) =>
        parent[key] switch
        {
            null => null,
            JsonArray a => a,
            var other => throw WrongType(item, path, "an array", other),
        };

    /// <summary>The elements of an array that must all be objects, with their paths.</summary>
    public static IEnumerable<(JsonObject Element, string Path)> Objects(JsonArray? array, string path, ItemReference item)
    {
        if (array is null)
        {
            yield break;
        }

        for (var i = 0; i < array.Count; i++)
        {
            var at = $"{path}[{i}]";
            yield return array[i] is JsonObject element ? (element, at) : throw WrongType(item, at, "an object", array[i]);
        }
    }

    /// <summary>The elements of an array that must all be strings.</summary>
    public static IReadOnlyList<string> Strings(JsonArray? array, string path, ItemReference item)
    {
        if (array is null)
        {
            return [];
        }

        var values = new List<string>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            values.Add(array[i] is JsonValue v && v.GetValueKind() == JsonValueKind.String
                ? v.GetValue<string>()
                : throw WrongType(item, $"{path}[{i}]", "a string", array[i]));
        }

        return values;
    }

    public static InvalidItemException WrongType(ItemReference item, string path, string expected, JsonNode? actual) =>
        new(item, path, $"must be {expected}, got {KubeJson.Describe(actual)}");

    public static InvalidItemException Required(ItemReference item, string path) => new(item, path, "is required");
}
