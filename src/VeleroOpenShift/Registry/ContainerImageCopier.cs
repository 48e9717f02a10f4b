using System.Collections.Concurrent;
using System.Net.Security;
using Microsoft.Extensions.Logging;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.Registry;

/// <summary>
/// Copies images named by reference (<c>docker://host/ns/name:tag</c>, or a backup-storage-location transport added
/// with <see cref="AddStorageLocation"/>). Keeps one connection per registry, credentials and TLS mode, so tokens
/// and pooled connections serve every copy of a session. Safe for copies running at once.
/// </summary>
public sealed class ContainerImageCopier : IDisposable
{
    private readonly ImageCopyOptions _options;
    private readonly ILoggerFactory _loggers;
    private readonly TimeProvider _time;
    private readonly HttpClient _verifying;
    private readonly HttpClient _trusting;
    private readonly ConcurrentDictionary<(string Registry, bool SkipTlsVerify, IRegistryCredentials Credentials), RegistryConnection> _connections = new();
    private readonly ConcurrentDictionary<string, IImageStore> _transports = new(StringComparer.Ordinal);

    public ContainerImageCopier(ImageCopyOptions options, ILoggerFactory loggerFactory, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _options = options;
        _loggers = loggerFactory;
        _time = time;
        _verifying = CreateClient(skipTlsVerify: false);
        _trusting = CreateClient(skipTlsVerify: true);
    }

    /// <summary>Makes <c><paramref name="transport"/>://ns/name:tag</c> name images in <paramref name="bucket"/> of an object store.</summary>
    public void AddStorageLocation(string transport, IObjectStore store, string bucket) =>
        _transports[transport] = new StorageLocationImageStore(store, bucket);

    public async Task<ImageCopyResult> CopyAsync(
        string source, RegistryAccess sourceAccess, string destination, RegistryAccess destinationAccess, IProgress<ImageCopyProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sourceAccess);
        ArgumentNullException.ThrowIfNull(destinationAccess);
        var from = ImageReference.Parse(source);
        var to = ImageReference.Parse(destination);
        var engine = new ImageCopyEngine(_options.Retry, _options.ParallelBlobs, _time, _loggers.CreateLogger<ImageCopyEngine>());
        return await engine.CopyAsync(Store(from, source, sourceAccess), from, Store(to, destination, destinationAccess), to, progress, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _verifying.Dispose();
        _trusting.Dispose();
    }

    private IImageStore Store(ImageReference reference, string text, RegistryAccess access)
    {
        if (reference.Transport != ImageReference.DockerTransport)
        {
            return _transports.TryGetValue(reference.Transport, out var store)
                ? store
                : throw new RegistryException(FailureKind.InvalidConfiguration, text, "reference", $"transport '{reference.Transport}' is neither docker nor an open backup storage location");
        }

        var connection = _connections.GetOrAdd(
            (reference.Registry, access.SkipTlsVerify, access.Credentials),
            key => new RegistryConnection(
                key.Registry, key.SkipTlsVerify ? _trusting : _verifying, key.SkipTlsVerify, key.Credentials, _options.Retry, _time, _loggers.CreateLogger<RegistryConnection>()));
        return new RegistryImageStore(connection, _options.ChunkSize);
    }

    private static HttpClient CreateClient(bool skipTlsVerify)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (skipTlsVerify)
        {
            // Only for registries the caller marked insecure (spec §7.5 contexts, -SkipTlsVerify).
            handler.SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = static (_, _, _, _) => true };
        }

        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
