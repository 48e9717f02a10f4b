using System.Text.Json.Nodes;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Kube;

namespace VeleroOpenShift.OpenStack.Cinder;

/// <summary>Where a PersistentVolume keeps its Cinder volume id (spec §5.8): in-tree <c>spec.cinder</c> or a supported CSI driver.</summary>
internal static class CinderPersistentVolume
{
    /// <summary>Cinder CSI and Huawei/OTC Everest, whose volume handles are Cinder volume ids.</summary>
    public static readonly IReadOnlyList<string> CsiDrivers = ["cinder.csi.openstack.org", "disk.csi.everest.io"];

    /// <summary>The volume id; null when the PV is not a Cinder volume (no <c>spec.cinder</c>, no supported CSI driver).</summary>
    /// <param name="unsupportedDriver">Set to the CSI driver of a CSI PV this snapshotter does not handle.</param>
    public static string? GetVolumeId(JsonObject persistentVolume, out string? unsupportedDriver)
    {
        ArgumentNullException.ThrowIfNull(persistentVolume);
        var item = ItemReference.Of(persistentVolume);
        unsupportedDriver = null;
        if (ItemFields.GetObject(persistentVolume, "spec.cinder", item) is not null)
        {
            return Required(persistentVolume, "spec.cinder.volumeID", item);
        }

        if (ItemFields.GetObject(persistentVolume, "spec.csi", item) is null)
        {
            return null;
        }

        var driver = ItemFields.GetString(persistentVolume, "spec.csi.driver", item) ?? "";
        if (!CsiDrivers.Contains(driver))
        {
            unsupportedDriver = driver;
            return null;
        }

        return Required(persistentVolume, "spec.csi.volumeHandle", item);
    }

    /// <summary>Points the PV at <paramref name="volumeId"/>, changing nothing else.</summary>
    public static JsonObject SetVolumeId(JsonObject persistentVolume, string volumeId)
    {
        ArgumentNullException.ThrowIfNull(persistentVolume);
        var item = ItemReference.Of(persistentVolume);
        if (ItemFields.GetObject(persistentVolume, "spec.cinder", item) is not null)
        {
            ItemFields.SetString(persistentVolume, "spec.cinder.volumeID", volumeId, item);
        }
        else if (ItemFields.GetObject(persistentVolume, "spec.csi", item) is not null
            && CsiDrivers.Contains(ItemFields.GetString(persistentVolume, "spec.csi.driver", item) ?? ""))
        {
            ItemFields.SetString(persistentVolume, "spec.csi.volumeHandle", volumeId, item);
        }
        else
        {
            throw new InvalidItemException(item, "spec.cinder.volumeID", $"persistent volume is missing 'spec.cinder.volumeID' or PV driver ('spec.csi.driver') doesn't match supported drivers ([{string.Join(' ', CsiDrivers)}])");
        }

        return persistentVolume;
    }

    // A Cinder PV without its id cannot be snapshotted; saying so beats an empty id that Velero reads as "not mine".
    private static string Required(JsonObject persistentVolume, string path, ItemReference item) =>
        ItemFields.GetString(persistentVolume, path, item) is { Length: > 0 } id
            ? id
            : throw new InvalidItemException(item, path, "the field is missing or empty");
}
