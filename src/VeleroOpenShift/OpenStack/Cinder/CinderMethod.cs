namespace VeleroOpenShift.OpenStack.Cinder;

/// <summary>How the Cinder snapshotter preserves a volume (location config key <c>method</c>, spec §5.1).</summary>
public enum CinderMethod
{
    /// <summary>A Cinder snapshot; fast, but it ties the source volume down until it is deleted.</summary>
    Snapshot,

    /// <summary>A full volume clone, independent of its source.</summary>
    Clone,

    /// <summary>A Cinder backup (needs a backup service; microversion 3.47).</summary>
    Backup,

    /// <summary>A Glance image uploaded from the volume (microversion 3.1).</summary>
    Image,
}
