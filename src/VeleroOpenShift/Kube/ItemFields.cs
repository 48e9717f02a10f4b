using System.Text.Json;
using System.Text.Json.Nodes;
using VeleroOpenShift.Errors;

namespace VeleroOpenShift.Kube;

/// <summary>
/// Typed reads and writes of fields in a Kubernetes item by dotted path (<c>metadata.annotations</c>).
/// An absent or null field reads as null; a field of the wrong JSON type is an
/// <see cref="InvalidItemException"/> naming the item and the full path, never a cast exception.
/// </summary>
public static class ItemFields
{
    public static string? GetString(JsonObject root, string path, ItemReference item) =>
        Get(root, path, item) switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            var other => throw WrongType(item, path, "a string", other),
        };

    public static bool? GetBoolean(JsonObject root, string path, ItemReference item) =>
        Get(root, path, item) switch
        {
            null => null,
            JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
            var other => throw WrongType(item, path, "a boolean", other),
        };

    public static long? GetInt64(JsonObject root, string path, ItemReference item) =>
        Get(root, path, item) switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out long number) => number,
            var other => throw WrongType(item, path, "an integer", other),
        };

    public static JsonObject? GetObject(JsonObject root, string path, ItemReference item) =>
        Get(root, path, item) switch
        {
            null => null,
            JsonObject o => o,
            var other => throw WrongType(item, path, "an object", other),
        };

    public static JsonArray? GetArray(JsonObject root, string path, ItemReference item) =>
        Get(root, path, item) switch
        {
            null => null,
            JsonArray a => a,
            var other => throw WrongType(item, path, "an array", other),
        };

    /// <summary>Reads a string-to-string map such as labels or annotations; every value must be a string.</summary>
    public static IReadOnlyDictionary<string, string> GetStringMap(JsonObject root, string path, ItemReference item)
    {
        var map = GetObject(root, path, item);
        if (map is null || map.Count == 0)
        {
            return EmptyMap;
        }

        var result = new Dictionary<string, string>(map.Count, StringComparer.Ordinal);
        foreach (var (key, value) in map)
        {
            result[key] = value is JsonValue v && v.GetValueKind() == JsonValueKind.String
                ? v.GetValue<string>()
                : throw WrongType(item, $"{path}.{key}", "a string", value);
        }

        return result;
    }

    /// <summary>Returns the object at <paramref name="path"/>, creating missing objects on the way.</summary>
    public static JsonObject EnsureObject(JsonObject root, string path, ItemReference item)
    {
        var current = root;
        var walked = string.Empty;
        foreach (var segment in path.Split('.'))
        {
            walked = walked.Length == 0 ? segment : $"{walked}.{segment}";
            switch (current[segment])
            {
                case null:
                    var created = new JsonObject();
                    current[segment] = created;
                    current = created;
                    break;
                case JsonObject existing:
                    current = existing;
                    break;
                case var other:
                    throw WrongType(item, walked, "an object", other);
            }
        }

        return current;
    }

    /// <summary>Sets a string field, creating parent objects as needed.</summary>
    public static void SetString(JsonObject root, string path, string value, ItemReference item)
    {
        var (parentPath, name) = SplitLast(path);
        var parent = parentPath is null ? root : EnsureObject(root, parentPath, item);
        parent[name] = value;
    }

    /// <summary>Removes a field if present; returns whether anything was removed.</summary>
    public static bool Remove(JsonObject root, string path, ItemReference item)
    {
        var (parentPath, name) = SplitLast(path);
        var parent = parentPath is null ? root : GetObject(root, parentPath, item);
        return parent is not null && parent.Remove(name);
    }

    private static JsonNode? Get(JsonObject root, string path, ItemReference item)
    {
        JsonNode? current = root;
        var walked = string.Empty;
        foreach (var segment in path.Split('.'))
        {
            if (current is null)
            {
                return null;
            }

            if (current is not JsonObject obj)
            {
                throw WrongType(item, walked, "an object", current);
            }

            walked = walked.Length == 0 ? segment : $"{walked}.{segment}";
            current = obj[segment];
        }

        return current;
    }

    private static (string? Parent, string Name) SplitLast(string path)
    {
        var dot = path.LastIndexOf('.');
        return dot < 0 ? (null, path) : (path[..dot], path[(dot + 1)..]);
    }

    private static InvalidItemException WrongType(ItemReference item, string path, string expected, JsonNode? actual) =>
        new(item, path, $"must be {expected}, got {KubeJson.Describe(actual)}");

    private static readonly IReadOnlyDictionary<string, string> EmptyMap = new Dictionary<string, string>();
}
