namespace VeleroOpenShift.OpenStack.Swift;

/// <summary>A container of the account.</summary>
public sealed record SwiftContainerInfo(string Name, long Count, long Bytes, DateTimeOffset? LastModified);
