using VeleroOpenShift.Cmdlets.Infrastructure;
using VeleroOpenShift.OpenStack.Cinder;
using Engine = VeleroOpenShift.OpenStack.Cinder;

namespace VeleroOpenShift.Cmdlets.Output;

/// <summary>
/// What preserves a volume: a Cinder snapshot, or the clone, backup or image another <see cref="CinderMethod"/> made.
/// SnapshotId and Method bind to New-CinderVolume and Remove-CinderSnapshot. Name, Status, SizeGiB and CreatedAt are
/// known for Cinder snapshots only.
/// </summary>
public sealed class CinderSnapshot
{
    internal CinderSnapshot(Engine.CinderSnapshot snapshot)
    {
        SnapshotId = snapshot.Id;
        Method = CinderMethod.Snapshot;
        VolumeId = snapshot.VolumeId;
        Name = snapshot.Name;
        Status = snapshot.Status;
        SizeGiB = snapshot.Size;
        CreatedAt = CinderTime.Parse(snapshot.CreatedAt);
    }

    internal CinderSnapshot(string snapshotId, CinderMethod method, string volumeId)
    {
        SnapshotId = snapshotId;
        Method = method;
        VolumeId = volumeId;
    }

    /// <summary>The id Velero would store: of the snapshot, clone volume, backup or Glance image.</summary>
    public string SnapshotId { get; }

    public CinderMethod Method { get; }

    /// <summary>The volume it preserves.</summary>
    public string VolumeId { get; }

    public string? Name { get; }

    public string? Status { get; }

    public long? SizeGiB { get; }

    public DateTimeOffset? CreatedAt { get; }

    public override string ToString() => SnapshotId;
}
