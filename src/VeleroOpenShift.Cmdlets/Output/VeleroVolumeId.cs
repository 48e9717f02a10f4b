using VeleroOpenShift.OpenStack.Volumes;

namespace VeleroOpenShift.Cmdlets.Output;

/// <summary>The snapshotter Velero would hand a PersistentVolume to, and the volume or share id it would snapshot.</summary>
public sealed class VeleroVolumeId
{
    internal VeleroVolumeId(string persistentVolume, PersistentVolumeId? found)
    {
        PersistentVolume = persistentVolume;
        Plugin = found?.Plugin;
        VolumeId = found?.VolumeId;
    }

    public string PersistentVolume { get; }

    /// <summary>community.openstack.org/openstack-cinder or …/openstack-manila; empty when neither handles the PV.</summary>
    public string? Plugin { get; }

    /// <summary>The Cinder volume id or Manila share id; empty when neither snapshotter handles the PV.</summary>
    public string? VolumeId { get; }

    public override string ToString() => $"{PersistentVolume}: {VolumeId ?? "(not an OpenStack volume)"}";
}
