using System.Text.Json.Nodes;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Kube;

namespace VeleroOpenShift.OpenStack.Manila;

/// <summary>
/// The Manila CSI PersistentVolume fields the snapshotter reads and writes (spec §6.10): <c>spec.csi.driver</c>,
/// <c>spec.csi.volumeHandle</c> (the share id) and <c>spec.csi.volumeAttributes</c> shareID/shareAccessID.
/// </summary>
internal static class ManilaPersistentVolume
{
    /// <summary>The CSI driver name of the PV; null when it has no <c>spec.csi</c>.</summary>
    public static string? Driver(JsonObject pv) => Csi(pv) is { } csi ? Text(csi["driver"]) ?? "" : null;

    /// <summary>The share id a Manila CSI PV names: its <c>spec.csi.volumeHandle</c>; "" when absent.</summary>
    public static string VolumeHandle(JsonObject pv) => Csi(pv) is { } csi ? Text(csi["volumeHandle"]) ?? "" : "";

    /// <summary>
    /// Refuses a PV that is not of <paramref name="driver"/>. The reference crashes on a PV without <c>spec.csi</c>;
    /// here that is the same refusal, naming the PV and the missing section (spec §12 deviation 3).
    /// </summary>
    public static void RequireDriver(JsonObject pv, string driver)
    {
        var mismatch = $"PV driver ('spec.csi.driver') doesn't match supported driver ({driver})";
        if (Csi(pv) is null)
        {
            throw new InvalidItemException(ItemReference.Of(pv), "spec.csi", "is missing: " + mismatch);
        }

        if (Text(Csi(pv)!["driver"]) != driver)
        {
            throw new InvalidItemException(ItemReference.Of(pv), "spec.csi.driver", mismatch);
        }
    }

    /// <summary>
    /// A copy of <paramref name="pv"/> pointing at <paramref name="shareId"/>. With no rule the old shareAccessID stays;
    /// a missing volumeAttributes map is created rather than crashed on (spec §12 deviation 3).
    /// </summary>
    public static JsonObject PointAt(JsonObject pv, string driver, string shareId, AccessRule? rule)
    {
        RequireDriver(pv, driver);
        var updated = pv.DeepClone().AsObject();
        var csi = Csi(updated)!;
        csi["volumeHandle"] = shareId;
        if (csi["volumeAttributes"] is not JsonObject attributes)
        {
            attributes = [];
            csi["volumeAttributes"] = attributes;
        }

        attributes["shareID"] = shareId;
        if (rule is not null)
        {
            attributes["shareAccessID"] = rule.Id;
        }

        return updated;
    }

    private static JsonObject? Csi(JsonObject pv) => pv["spec"] is JsonObject spec ? spec["csi"] as JsonObject : null;

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
