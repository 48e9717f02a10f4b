using YamlDotNet.RepresentationModel;

namespace VeleroOpenShift.OpenStack.Auth;

/// <summary>
/// clouds.yaml as plain maps, lists and strings. Built from YamlDotNet's representation model because its
/// deserializer does not work under Native AOT; plain trees also make the spec's merges simple to state.
/// </summary>
internal static class YamlTree
{
    /// <summary>The document's top-level mapping; an empty file is an empty mapping.</summary>
    public static Dictionary<string, object> Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        if (stream.Documents.Count == 0)
        {
            return new Dictionary<string, object>(StringComparer.Ordinal);
        }

        return Convert(stream.Documents[0].RootNode) as Dictionary<string, object>
            ?? throw new InvalidDataException($"{path}: the top level is not a mapping");
    }

    public static Dictionary<string, object>? Map(IReadOnlyDictionary<string, object> map, string key) =>
        map.TryGetValue(key, out var value) ? value as Dictionary<string, object> : null;

    public static string Text(IReadOnlyDictionary<string, object>? map, string key) =>
        map is not null && map.TryGetValue(key, out var value) && value is string text ? text : "";

    /// <summary>Overlays <paramref name="over"/> on <paramref name="under"/>: maps merge recursively, lists concatenate,
    /// and an empty value in <paramref name="over"/> never hides one in <paramref name="under"/>.</summary>
    public static Dictionary<string, object> Merge(IReadOnlyDictionary<string, object> under, IReadOnlyDictionary<string, object> over)
    {
        var result = new Dictionary<string, object>(under, StringComparer.Ordinal);
        foreach (var (key, value) in over)
        {
            if (!result.TryGetValue(key, out var existing) || IsEmpty(existing))
            {
                result[key] = value;
            }
            else if (existing is Dictionary<string, object> a && value is Dictionary<string, object> b)
            {
                result[key] = Merge(a, b);
            }
            else if (existing is List<object> x && value is List<object> y)
            {
                result[key] = x.Concat(y).ToList();
            }
            else if (!IsEmpty(value))
            {
                result[key] = value;
            }
        }

        return result;
    }

    private static bool IsEmpty(object value) => value switch
    {
        string s => s.Length == 0,
        Dictionary<string, object> d => d.Count == 0,
        List<object> l => l.Count == 0,
        _ => false,
    };

    private static object Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => mapping.Children.ToDictionary(
            pair => ((YamlScalarNode)pair.Key).Value ?? "",
            pair => Convert(pair.Value),
            StringComparer.Ordinal),
        YamlSequenceNode sequence => sequence.Children.Select(Convert).ToList(),
        YamlScalarNode scalar => scalar.Value ?? "",
        _ => "",
    };
}
