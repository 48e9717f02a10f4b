using System.Text.Json.Nodes;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenStack.Cinder;
using VeleroOpenShift.OpenStack.Manila;

namespace VeleroOpenShift.OpenStack.Volumes;

/// <summary>
/// The volume id of a PersistentVolume as the Cinder and Manila snapshotters read and write it (spec §5.8, §6.10),
/// without a cloud: what Velero would snapshot for a PV, and the PV a restore would create for a new id.
/// </summary>
public static class PersistentVolumeIds
{
    public const string CinderPlugin = "community.openstack.org/openstack-cinder";
    public const string ManilaPlugin = "community.openstack.org/openstack-manila";

    /// <summary>The Manila CSI driver a VolumeSnapshotLocation handles unless its <c>driver</c> key says otherwise.</summary>
    public const string DefaultManilaDriver = ManilaSettings.DefaultDriver;

    /// <summary>Which snapshotter handles the PV and the id it would snapshot; null when neither does.</summary>
    /// <param name="manilaDriver">The Manila location's <c>driver</c> (exact match, as the snapshotter compares).</param>
    public static PersistentVolumeId? Find(JsonObject persistentVolume, string manilaDriver)
    {
        ArgumentNullException.ThrowIfNull(persistentVolume);
        if (CinderPersistentVolume.GetVolumeId(persistentVolume, out _) is { } cinderId)
        {
            return new PersistentVolumeId(CinderPlugin, cinderId);
        }

        return ManilaPersistentVolume.Driver(persistentVolume) == manilaDriver
            ? new PersistentVolumeId(ManilaPlugin, Required(persistentVolume, ManilaPersistentVolume.VolumeHandle(persistentVolume)))
            : null;
    }

    /// <summary>
    /// A PV pointing at <paramref name="volumeId"/>: spec.cinder.volumeID or the CSI volumeHandle, and for Manila the
    /// shareID attribute and, when given, shareAccessID (the snapshotter reads it from the new share's first rule).
    /// </summary>
    public static JsonObject Set(JsonObject persistentVolume, string volumeId, string manilaDriver, string? shareAccessId)
    {
        ArgumentNullException.ThrowIfNull(persistentVolume);
        ArgumentException.ThrowIfNullOrEmpty(volumeId);
        if (CinderPersistentVolume.GetVolumeId(persistentVolume, out _) is not null)
        {
            return CinderPersistentVolume.SetVolumeId(persistentVolume.DeepClone().AsObject(), volumeId);
        }

        if (ManilaPersistentVolume.Driver(persistentVolume) is null || ManilaPersistentVolume.Driver(persistentVolume) == manilaDriver)
        {
            var rule = shareAccessId is null ? null : new AccessRule(shareAccessId, null, null, null);
            return ManilaPersistentVolume.PointAt(persistentVolume, manilaDriver, volumeId, rule);
        }

        throw new InvalidItemException(ItemReference.Of(persistentVolume), "spec.csi.driver",
            $"is neither a Cinder driver ({string.Join(", ", CinderPersistentVolume.CsiDrivers)}) nor the Manila driver {manilaDriver}");
    }

    private static string Required(JsonObject persistentVolume, string handle) =>
        handle.Length > 0 ? handle : throw new InvalidItemException(ItemReference.Of(persistentVolume), "spec.csi.volumeHandle", "the field is missing or empty");
}

/// <summary>The snapshotter (plugin name) that handles a PV and the volume or share id it names.</summary>
public sealed record PersistentVolumeId(string Plugin, string VolumeId);
