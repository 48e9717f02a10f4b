using VeleroOpenShift.OpenStack.Manila;

namespace VeleroOpenShift.Cmdlets.Output;

/// <summary>A Manila share snapshot. SnapshotId binds to Remove-ManilaSnapshot and to New-ManilaShare -FromSnapshot.</summary>
public sealed class ManilaSnapshot
{
    internal ManilaSnapshot(ManilaSnapshotInfo info)
    {
        SnapshotId = info.SnapshotId;
        Name = info.Name;
        Description = info.Description;
        Status = info.Status;
        ShareId = info.ShareId;
        Size = info.Size;
        Protocol = info.Protocol;
        CreatedAt = info.CreatedAt;
    }

    public string SnapshotId { get; }

    public string Name { get; }

    public string Description { get; }

    public string Status { get; }

    /// <summary>The share the snapshot was taken of.</summary>
    public string ShareId { get; }

    /// <summary>Size in GiB.</summary>
    public int Size { get; }

    public string Protocol { get; }

    public DateTimeOffset? CreatedAt { get; }

    public override string ToString() => SnapshotId;
}
