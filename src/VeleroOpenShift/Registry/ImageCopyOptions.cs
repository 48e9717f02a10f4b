namespace VeleroOpenShift.Registry;

/// <summary>How copies run: retries, the size of upload chunks, and how many blobs move at once.</summary>
public sealed record ImageCopyOptions
{
    public RetryPolicy Retry { get; init; } = RetryPolicy.Default;

    /// <summary>Blobs larger than this go up in PATCH chunks of this size; smaller ones in the closing PUT.</summary>
    public long ChunkSize { get; init; } = 64L * 1024 * 1024;

    public int ParallelBlobs { get; init; } = 4;
}

/// <summary>How one side of a copy reaches its registry: whose credentials, and whether its certificate is checked.</summary>
public sealed record RegistryAccess(IRegistryCredentials Credentials, bool SkipTlsVerify)
{
    public static RegistryAccess Anonymous { get; } = new(StaticRegistryCredentials.Anonymous, SkipTlsVerify: false);
}
