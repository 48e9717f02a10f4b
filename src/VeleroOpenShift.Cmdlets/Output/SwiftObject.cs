using VeleroOpenShift.OpenStack.Swift;

namespace VeleroOpenShift.Cmdlets.Output;

/// <summary>An object of a container, or a pseudo-folder when a listing grouped names by a delimiter. Container and Name bind to the other Swift cmdlets.</summary>
public sealed class SwiftObject
{
    internal SwiftObject(SwiftObjectInfo info)
    {
        Container = info.Container;
        Name = info.Name;
        Bytes = info.Bytes;
        LastModified = info.LastModified;
        ContentType = info.ContentType;
        Hash = info.Hash;
        IsPseudoFolder = info.IsPseudoFolder;
    }

    public string Container { get; }

    public string Name { get; }

    public long Bytes { get; }

    public DateTimeOffset? LastModified { get; }

    public string? ContentType { get; }

    /// <summary>The MD5 ETag Swift keeps for the object; for a large object, the ETag of its manifest.</summary>
    public string? Hash { get; }

    /// <summary>A name prefix up to the delimiter, standing for the objects below it; not an object itself.</summary>
    public bool IsPseudoFolder { get; }

    public override string ToString() => $"{Container}/{Name}";
}
