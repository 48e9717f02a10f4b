namespace VeleroOpenShift.OpenStack.Volumes;

/// <summary>Resource metadata maps (spec §8.7).</summary>
public static class Metadata
{
    /// <summary>A new map: later maps override earlier ones key by key; null maps are skipped.</summary>
    public static Dictionary<string, string> Merge(params IReadOnlyDictionary<string, string>?[] maps)
    {
        ArgumentNullException.ThrowIfNull(maps);
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var map in maps)
        {
            foreach (var (key, value) in map ?? new Dictionary<string, string>())
            {
                merged[key] = value;
            }
        }

        return merged;
    }
}
