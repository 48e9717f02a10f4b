namespace VeleroOpenShift.Velero.Contracts;

/// <summary>
/// Velero ObjectStore: where backups are kept. Keys already include the location's prefix.
/// Bodies are streams so that no implementation needs a whole object in memory.
/// </summary>
public interface IObjectStore
{
    /// <summary>(Re)configures the store from the location's config; may be called again with new config.</summary>
    Task InitAsync(IReadOnlyDictionary<string, string> config, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="body"/> under the key; on failure nothing is left visible under it.</summary>
    Task PutObjectAsync(string bucket, string key, Stream body, CancellationToken cancellationToken);

    Task<bool> ObjectExistsAsync(string bucket, string key, CancellationToken cancellationToken);

    /// <summary>Opens the object for reading; the caller disposes the stream.</summary>
    Task<Stream> GetObjectAsync(string bucket, string key, CancellationToken cancellationToken);

    /// <summary>The distinct key prefixes after <paramref name="prefix"/> up to and including the next delimiter.</summary>
    Task<IReadOnlyList<string>> ListCommonPrefixesAsync(string bucket, string prefix, string delimiter, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> ListObjectsAsync(string bucket, string prefix, CancellationToken cancellationToken);

    Task DeleteObjectAsync(string bucket, string key, CancellationToken cancellationToken);

    Task<string> CreateSignedUrlAsync(string bucket, string key, TimeSpan timeToLive, CancellationToken cancellationToken);
}
