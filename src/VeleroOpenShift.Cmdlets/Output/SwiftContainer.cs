using VeleroOpenShift.OpenStack.Swift;

namespace VeleroOpenShift.Cmdlets.Output;

/// <summary>A container of the Swift account. Its Container property binds to Get-SwiftObject -Container.</summary>
public sealed class SwiftContainer
{
    internal SwiftContainer(SwiftContainerInfo info)
    {
        Container = info.Name;
        Count = info.Count;
        Bytes = info.Bytes;
        LastModified = info.LastModified;
    }

    public string Container { get; }

    /// <summary>How many objects it holds.</summary>
    public long Count { get; }

    public long Bytes { get; }

    public DateTimeOffset? LastModified { get; }

    public override string ToString() => Container;
}
