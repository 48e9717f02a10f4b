using System.Text.Json.Nodes;

namespace VeleroOpenShift.Kube;

/// <summary>
/// Lists the paths at which two JSON trees differ (<c>metadata.annotations.x</c>, <c>spec.containers[0].image</c>),
/// so a transform can say what each action changed.
/// </summary>
public static class JsonDiff
{
    public static IReadOnlyList<string> ChangedPaths(JsonNode? before, JsonNode? after)
    {
        var paths = new List<string>();
        Compare(before, after, string.Empty, paths);
        return paths;
    }

    private static void Compare(JsonNode? before, JsonNode? after, string path, List<string> paths)
    {
        if (JsonNode.DeepEquals(before, after))
        {
            return;
        }

        switch (before, after)
        {
            case (JsonObject b, JsonObject a):
                foreach (var (key, value) in b)
                {
                    Compare(value, a.TryGetPropertyValue(key, out var other) ? other : null, Join(path, key), paths);
                    if (!a.ContainsKey(key) && value is null)
                    {
                        paths.Add(Join(path, key));
                    }
                }

                foreach (var (key, value) in a)
                {
                    if (!b.ContainsKey(key))
                    {
                        paths.Add(Join(path, key));
                    }
                }

                break;
            case (JsonArray b, JsonArray a) when b.Count == a.Count:
                for (var i = 0; i < b.Count; i++)
                {
                    Compare(b[i], a[i], $"{path}[{i}]", paths);
                }

                break;
            default:
                paths.Add(path.Length == 0 ? "." : path);
                break;
        }
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";
}
