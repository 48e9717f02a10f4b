namespace VeleroOpenShift.OpenStack.Volumes;

/// <summary>Names of the resources the snapshotters create: <c>&lt;sourceID&gt;.&lt;kind&gt;.&lt;rand&gt;</c> (spec §8.1).</summary>
public sealed class ResourceNames(Random random)
{
    /// <summary>One generator per process, as the reference seeds one from the clock.</summary>
    public static ResourceNames Shared { get; } = new(Random.Shared);

    /// <summary>For example "0c3f….snap.7306110238460519634": a random unsigned 64-bit integer in decimal.</summary>
    public string For(string sourceId, ResourceKind kind)
    {
        Span<byte> bytes = stackalloc byte[8];
        lock (random)
        {
            random.NextBytes(bytes);
        }

        return $"{sourceId}.{Suffix(kind)}.{BitConverter.ToUInt64(bytes)}";
    }

    private static string Suffix(ResourceKind kind) => kind switch
    {
        ResourceKind.Snapshot => "snap",
        ResourceKind.Clone => "clone",
        ResourceKind.Backup => "backup",
        ResourceKind.Image => "image",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

/// <summary>What a generated name says the resource is.</summary>
public enum ResourceKind
{
    Snapshot,
    Clone,
    Backup,
    Image,
}
