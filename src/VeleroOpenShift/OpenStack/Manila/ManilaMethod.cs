namespace VeleroOpenShift.OpenStack.Manila;

/// <summary>How the Manila snapshotter keeps a share (spec §6.1 <c>method</c>).</summary>
public enum ManilaMethod
{
    /// <summary>A Manila snapshot of the share; restore creates a share from it.</summary>
    Snapshot,

    /// <summary>A full share copy made through a temporary snapshot, so the source share can be deleted freely.</summary>
    Clone,
}
