using System.Text.Json.Nodes;

namespace VeleroOpenShift.Velero.Contracts;

/// <summary>Velero VolumeSnapshotter: snapshots a persistent volume's backing storage and restores from it.</summary>
public interface IVolumeSnapshotter
{
    Task InitAsync(IReadOnlyDictionary<string, string> config, CancellationToken cancellationToken);

    /// <summary>Creates a volume from a snapshot; returns the new volume's id.</summary>
    Task<string> CreateVolumeFromSnapshotAsync(string snapshotId, string volumeType, string volumeAvailabilityZone, long? iops, CancellationToken cancellationToken);

    Task<VolumeInfo> GetVolumeInfoAsync(string volumeId, string volumeAvailabilityZone, CancellationToken cancellationToken);

    /// <summary>Snapshots a volume, tagging the snapshot; returns the snapshot id.</summary>
    Task<string> CreateSnapshotAsync(string volumeId, string volumeAvailabilityZone, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken);

    Task DeleteSnapshotAsync(string snapshotId, CancellationToken cancellationToken);

    /// <summary>The volume id of a PersistentVolume this snapshotter handles; null when the PV is not its kind.</summary>
    Task<string?> GetVolumeIdAsync(JsonObject persistentVolume, CancellationToken cancellationToken);

    /// <summary>Points the PersistentVolume at another volume; returns the updated PV (with its kind).</summary>
    Task<JsonObject> SetVolumeIdAsync(JsonObject persistentVolume, string volumeId, CancellationToken cancellationToken);
}

/// <summary>Type and provisioned IOPS of a volume; null IOPS means none.</summary>
public sealed record VolumeInfo(string VolumeType, long? Iops);
