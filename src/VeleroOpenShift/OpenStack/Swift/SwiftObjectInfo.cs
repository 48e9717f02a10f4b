namespace VeleroOpenShift.OpenStack.Swift;

/// <summary>An object of a listing, or a pseudo-folder (a name prefix up to the delimiter) when <see cref="IsPseudoFolder"/>.</summary>
public sealed record SwiftObjectInfo(string Container, string Name, long Bytes, DateTimeOffset? LastModified, string? ContentType, string? Hash, bool IsPseudoFolder);
