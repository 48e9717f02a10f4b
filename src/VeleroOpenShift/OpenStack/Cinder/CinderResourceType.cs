namespace VeleroOpenShift.OpenStack.Cinder;

/// <summary>The Cinder resources the snapshotter deletes and resets the same way (spec §5.7).</summary>
internal enum CinderResourceType
{
    Volume,
    Snapshot,
    Backup,
}

internal static class CinderResourceTypes
{
    /// <summary>The URL collection: "volumes", "snapshots", "backups".</summary>
    public static string Collection(this CinderResourceType type) => type.Noun() + "s";

    /// <summary>How messages name one: "volume", "snapshot", "backup".</summary>
    public static string Noun(this CinderResourceType type) => type switch
    {
        CinderResourceType.Volume => "volume",
        CinderResourceType.Snapshot => "snapshot",
        CinderResourceType.Backup => "backup",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
