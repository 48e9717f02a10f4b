namespace VeleroOpenShift.Registry;

/// <summary>
/// Where images are read from and written to, by repository: a registry over the HTTP API v2, or the Distribution
/// storage layout in a backup storage location. <paramref name="image"/> arguments only name the image in errors.
/// </summary>
internal interface IImageStore
{
    /// <summary>Identifies the store; blobs can be linked between repositories of stores with the same location.</summary>
    string Location { get; }

    Task<ImageManifest> GetManifestAsync(string repository, string reference, string image, CancellationToken cancellationToken);

    Task<bool> HasBlobAsync(string repository, Descriptor blob, string image, CancellationToken cancellationToken);

    /// <summary>
    /// Makes a blob the store already holds available in <paramref name="repository"/> without transferring it (a
    /// cross-repository mount from <paramref name="sourceRepository"/>, when the source is this store); false when it cannot.
    /// </summary>
    Task<bool> TryLinkBlobAsync(string repository, Descriptor blob, string? sourceRepository, string image, CancellationToken cancellationToken);

    /// <summary>Opens the blob's content for reading; the caller disposes the stream.</summary>
    Task<Stream> OpenBlobAsync(string repository, Descriptor blob, string image, CancellationToken cancellationToken);

    /// <summary>Stores a blob read once, forward only, from <paramref name="content"/>, which is never held whole in memory.</summary>
    Task PutBlobAsync(string repository, Descriptor blob, Stream content, string image, CancellationToken cancellationToken);

    /// <summary>Stores a manifest under a tag or under its digest.</summary>
    Task PutManifestAsync(string repository, string reference, ImageManifest manifest, string image, CancellationToken cancellationToken);
}
