namespace VeleroOpenShift.Registry;

/// <summary>A content descriptor of a manifest: what a blob or child manifest is, its digest and size in bytes.</summary>
public sealed record Descriptor(string MediaType, string Digest, long Size)
{
    /// <summary>The hex part of the digest (after <c>sha256:</c>).</summary>
    public string Hex => Digest[(Digest.IndexOf(':', StringComparison.Ordinal) + 1)..];
}
