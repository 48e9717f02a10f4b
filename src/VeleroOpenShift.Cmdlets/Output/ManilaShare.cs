using VeleroOpenShift.OpenStack.Manila;

namespace VeleroOpenShift.Cmdlets.Output;

/// <summary>A Manila share. ShareId binds to -ShareId of New-ManilaSnapshot, Get-ManilaSnapshot and Wait-ManilaShare.</summary>
public sealed class ManilaShare
{
    internal ManilaShare(ManilaShareInfo info)
    {
        ShareId = info.ShareId;
        Name = info.Name;
        Status = info.Status;
        Size = info.Size;
        Protocol = info.Protocol;
        AvailabilityZone = info.AvailabilityZone;
        ShareType = info.ShareType;
        SourceSnapshotId = info.SourceSnapshotId;
        Metadata = info.Metadata;
        CreatedAt = info.CreatedAt;
    }

    public string ShareId { get; }

    public string Name { get; }

    public string Status { get; }

    /// <summary>Size in GiB.</summary>
    public int Size { get; }

    /// <summary>NFS, CIFS, CEPHFS, ...</summary>
    public string Protocol { get; }

    public string AvailabilityZone { get; }

    public string ShareType { get; }

    /// <summary>The snapshot the share was created from; empty for a share created empty.</summary>
    public string? SourceSnapshotId { get; }

    public IReadOnlyDictionary<string, string> Metadata { get; }

    public DateTimeOffset? CreatedAt { get; }

    public override string ToString() => ShareId;
}
