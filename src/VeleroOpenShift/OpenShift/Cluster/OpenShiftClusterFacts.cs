namespace VeleroOpenShift.OpenShift.Cluster;

/// <summary>
/// What the pod restore action needs to know about an OpenShift cluster (spec §3.5).
/// <see cref="IsOpenShift"/> is false when the ClusterVersion API or object is missing.
/// </summary>
public sealed record OpenShiftClusterFacts(bool IsOpenShift, bool RegistryCapabilityEnabled, int Major, int Minor, bool RegistryRemoved)
{
    public static OpenShiftClusterFacts NotOpenShift { get; } = new(false, false, 0, 0, true);
}
