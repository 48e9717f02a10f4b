using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenStack.Auth;
using VeleroOpenShift.OpenStack.Http;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.OpenStack.Swift;

/// <summary>
/// Velero's ObjectStore on OpenStack Swift (<c>community.openstack.org/openstack</c>, spec §4). Each instance owns its
/// identity connection, so stores for different clouds work side by side.
/// </summary>
public sealed class SwiftObjectStore : IObjectStore, IDisposable
{
    private static readonly int[] ObjectFound = [200, 204];
    private static readonly int[] ObjectRead = [200, 206, 304];
    private static readonly int[] ObjectDeleted = [200, 202, 204];
    private static readonly int[] ContainerFound = [200, 204];
    private static readonly int[] AccountFound = [204];

    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly EnvironmentVariables _environment;
    private readonly Func<CloudConfigFiles> _cloudFiles;
    private IdentityConnection? _connection;
    private SwiftClient? _client;
    private SwiftStoreSettings? _settings;

    public SwiftObjectStore(ILoggerFactory loggerFactory, TimeProvider time, Func<string, string?> environmentVariable)
        : this(loggerFactory, time, new EnvironmentVariables(environmentVariable), null)
    {
    }

    internal SwiftObjectStore(ILoggerFactory loggerFactory, TimeProvider time, EnvironmentVariables environment, CloudConfigFiles? cloudFiles)
    {
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<SwiftObjectStore>();
        _time = time;
        _environment = environment;
        _cloudFiles = cloudFiles is null ? () => CloudConfigFiles.FromEnvironment(environment) : () => cloudFiles;
    }

    /// <summary>The identity session in use; tests read how often it authenticated.</summary>
    internal IdentitySession? Session => _connection?.Session;

    /// <summary>The account client after Init; <see cref="SwiftAccount"/> lists through it.</summary>
    internal SwiftClient? Client => _client;

    public async Task InitAsync(IReadOnlyDictionary<string, string> config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        _logger.LogDebug("ObjectStore.Init called {Config}", string.Join(", ", config.Select(pair => $"{pair.Key}={pair.Value}")));
        var settings = SwiftStoreSettings.From(config, _environment);
        var cloudKeyPresent = config.TryGetValue("cloud", out var cloud);
        if (cloudKeyPresent)
        {
            _logger.LogDebug("Authentication will be done for cloud {Cloud}", cloud);
        }

        var connection = _connection;
        var fresh = connection is null || cloudKeyPresent;
        if (fresh)
        {
            connection = await IdentityConnection.AuthenticateAsync("swift", cloud, _environment, _cloudFiles(), _time, _loggerFactory, "failed to authenticate against OpenStack in object storage plugin", cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var token = await connection!.Session.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            var endpoint = ResolveEndpoint(token, settings);
            var sender = new ResilientSender(connection.Http, connection.Session, settings.Retry, _time, _loggerFactory.CreateLogger<ResilientSender>());
            _client = new SwiftClient(sender, endpoint);
            _settings = settings;
        }
        catch when (fresh)
        {
            connection!.Dispose();
            throw;
        }

        if (fresh)
        {
            // Deviation (spec §12): the service client is rebuilt after every re-authentication.
            var previous = _connection;
            _connection = connection;
            previous?.Dispose();
        }

        LogTempUrlOverrides(settings);
    }

    public async Task PutObjectAsync(string bucket, string key, Stream body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var (client, settings) = Ready(bucket, key);
        _logger.LogDebug("ObjectStore.PutObject called {Container} {Object}", bucket, key);
        var uploader = new SwiftUploader(client, settings.SegmentSize, _time, _loggerFactory.CreateLogger<SwiftUploader>());
        await Wrap($"failed to create new \"{key}\" object in \"{bucket}\" container", bucket, key,
            () => uploader.UploadAsync(bucket, key, body, settings.SegmentContainerFor(bucket), cancellationToken)).ConfigureAwait(false);
    }

    public async Task<bool> ObjectExistsAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        var (client, _) = Ready(bucket, key);
        _logger.LogDebug("ObjectStore.ObjectExists called {Container} {Object}", bucket, key);
        return await Wrap($"cannot Get \"{key}\" object from \"{bucket}\" container", bucket, key, async () =>
        {
            using var response = await client.SendAsync(HttpMethod.Head, client.ObjectUrl(bucket, key), cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                _logger.LogInformation("Object doesn't yet exist in container {Container} {Object}", bucket, key);
                return false;
            }

            await HttpResponses.EnsureAsync(response, ObjectFound, cancellationToken, $"{bucket}/{key}").ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
    }

    public async Task<Stream> GetObjectAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        var (client, _) = Ready(bucket, key);
        _logger.LogDebug("ObjectStore.GetObject called {Container} {Object}", bucket, key);
        return await Wrap($"failed to download contents of \"{key}\" object from \"{bucket}\" container", bucket, key, async () =>
        {
            var response = await client.SendAsync(HttpMethod.Get, client.ObjectUrl(bucket, key), cancellationToken).ConfigureAwait(false);
            try
            {
                await HttpResponses.EnsureAsync(response, ObjectRead, cancellationToken, $"{bucket}/{key}").ConfigureAwait(false);
                return await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> ListCommonPrefixesAsync(string bucket, string prefix, string delimiter, CancellationToken cancellationToken)
    {
        var (client, _) = Ready(bucket, null);
        _logger.LogDebug("ObjectStore.ListCommonPrefixes called {Container} {Prefix} {Delimiter}", bucket, prefix, delimiter);
        return await Wrap($"failed to list objects in \"{bucket}\" container", bucket, null, async () =>
        {
            var names = new List<string>();
            await foreach (var entry in client.ListAsync(bucket, prefix ?? "", delimiter ?? "", cancellationToken).ConfigureAwait(false))
            {
                names.Add((entry.Subdir ?? "") + (entry.Name ?? ""));
            }

            return (IReadOnlyList<string>)names;
        }).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> ListObjectsAsync(string bucket, string prefix, CancellationToken cancellationToken)
    {
        _logger.LogDebug("ObjectStore.ListObjects called {Container} {Prefix}", bucket, prefix);
        try
        {
            // Not recursive, as in the reference: Velero's keys sit one level below the prefixes it lists (spec §4.3).
            return await ListCommonPrefixesAsync(bucket, prefix, "/", cancellationToken).ConfigureAwait(false);
        }
        catch (OpenStackException e)
        {
            throw OpenStackException.Wrap($"failed to list objects in \"{bucket}\" container with \"{prefix}\" prefix", e, bucket);
        }
    }

    public async Task DeleteObjectAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        var (client, _) = Ready(bucket, key);
        _logger.LogDebug("ObjectStore.DeleteObject called {Container} {Object}", bucket, key);
        await Wrap($"failed to delete \"{key}\" object from \"{bucket}\" container", bucket, key, async () =>
        {
            // A large object goes with its segments; asking Swift for that on a plain object is an error, so look first.
            bool isLargeObject;
            using (var head = await client.SendAsync(HttpMethod.Head, client.ObjectUrl(bucket, key), cancellationToken).ConfigureAwait(false))
            {
                if (head.StatusCode == HttpStatusCode.NotFound)
                {
                    _logger.LogInformation("object is already deleted {Container} {Object}", bucket, key);
                    return true;
                }

                await HttpResponses.EnsureAsync(head, ObjectFound, cancellationToken, $"{bucket}/{key}").ConfigureAwait(false);
                isLargeObject = string.Equals(HttpResponses.Header(head, "X-Static-Large-Object"), "true", StringComparison.OrdinalIgnoreCase);
            }

            using var response = await client.SendAsync(HttpMethod.Delete, client.ObjectUrl(bucket, key, isLargeObject ? "multipart-manifest=delete" : null), cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                _logger.LogInformation("object is already deleted {Container} {Object}", bucket, key);
                return true;
            }

            await HttpResponses.EnsureAsync(response, ObjectDeleted, cancellationToken, $"{bucket}/{key}").ConfigureAwait(false);
            if (isLargeObject)
            {
                await CheckBulkDeleteAsync(response, bucket, key, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }).ConfigureAwait(false);
    }

    public Task<string> CreateSignedUrlAsync(string bucket, string key, TimeSpan timeToLive, CancellationToken cancellationToken) =>
        CreateSignedUrlAsync(bucket, key, timeToLive, "GET", null, cancellationToken);

    /// <param name="digest">Overrides OS_SWIFT_TEMP_URL_DIGEST when not null.</param>
    internal async Task<string> CreateSignedUrlAsync(string bucket, string key, TimeSpan timeToLive, string method, string? digest, CancellationToken cancellationToken)
    {
        var (client, settings) = Ready(bucket, key);
        _logger.LogDebug("ObjectStore.CreateSignedURL called {Container} {Object} {Ttl} {Method}", bucket, key, timeToLive, method);
        return await Wrap($"failed to create temporary URL for \"{key}\" object in \"{bucket}\" container", bucket, key, async () =>
        {
            var tempUrlKey = settings.TempUrlKey.Length > 0 ? settings.TempUrlKey : await TempUrlKeyAsync(client, bucket, cancellationToken).ConfigureAwait(false);
            var unescaped = Uri.UnescapeDataString(client.AccountUrl.AbsoluteUri) + bucket + "/" + key;
            return TempUrlSigner.Sign(client.ObjectUrl(bucket, key), unescaped, timeToLive, tempUrlKey, digest ?? settings.TempUrlDigest, _time.GetUtcNow(), method);
        }).ConfigureAwait(false);
    }

    public void Dispose() => _connection?.Dispose();

    private Uri ResolveEndpoint(AuthToken token, SwiftStoreSettings settings)
    {
        Uri endpoint;
        try
        {
            endpoint = token.StorageUrl is { } storage
                ? SwiftEndpoint.Parse(storage.ToString())
                : ServiceCatalog.Find(token.Catalog, ["object-store"], settings.Region, settings.EndpointInterface);
        }
        catch (OpenStackException e)
        {
            throw OpenStackException.Wrap("failed to create swift storage object", e);
        }

        _logger.LogDebug("Successfully created object storage service client {Region}", settings.Region);
        if (settings.AccountOverride.Length > 0)
        {
            endpoint = SwiftEndpoint.WithAccountOverride(endpoint, settings.AccountOverride, settings.ResellerPrefixes);
            _logger.LogDebug("Successfully overrode object storage service client endpoint by env OS_SWIFT_ACCOUNT_OVERRIDE {Region} {Account} {Endpoint}", settings.Region, settings.AccountOverride, endpoint);
        }

        if (settings.EndpointOverride.Length > 0)
        {
            endpoint = SwiftEndpoint.Parse(settings.EndpointOverride);
            _logger.LogDebug("Successfully overrode object storage service client endpoint by env OS_SWIFT_ENDPOINT_OVERRIDE {Endpoint}", endpoint);
        }

        return endpoint;
    }

    private void LogTempUrlOverrides(SwiftStoreSettings settings)
    {
        if (settings.TempUrlDigest.Length > 0)
        {
            _logger.LogDebug("Successfully overrode Temp URL digest by env OS_SWIFT_TEMP_URL_DIGEST {TempURLDigest}", settings.TempUrlDigest);
        }

        if (settings.TempUrlKey.Length > 0)
        {
            _logger.LogDebug("Successfully overrode Temp URL key by env OS_SWIFT_TEMP_URL_KEY");
        }
    }

    /// <summary>The container's key, else the account's (spec §4.5 step 2).</summary>
    private static async Task<string> TempUrlKeyAsync(SwiftClient client, string bucket, CancellationToken cancellationToken)
    {
        using (var response = await client.SendAsync(HttpMethod.Head, client.ContainerUrl(bucket), cancellationToken).ConfigureAwait(false))
        {
            await HttpResponses.EnsureAsync(response, ContainerFound, cancellationToken, bucket).ConfigureAwait(false);
            if (HttpResponses.Header(response, "X-Container-Meta-Temp-URL-Key") is { Length: > 0 } containerKey)
            {
                return containerKey;
            }
        }

        using (var response = await client.SendAsync(HttpMethod.Head, client.AccountUrl, cancellationToken).ConfigureAwait(false))
        {
            await HttpResponses.EnsureAsync(response, AccountFound, cancellationToken, client.AccountUrl.AbsolutePath).ConfigureAwait(false);
            return HttpResponses.Header(response, "X-Account-Meta-Temp-URL-Key") is { Length: > 0 } accountKey
                ? accountKey
                : throw new OpenStackException(FailureKind.InvalidConfiguration, bucket, "Unable to obtain the Temp URL key.");
        }
    }

    private static async Task CheckBulkDeleteAsync(HttpResponseMessage response, string bucket, string key, CancellationToken cancellationToken)
    {
        var result = await response.Content.ReadFromJsonAsync(OpenStackJsonContext.Default.BulkDeleteResult, cancellationToken).ConfigureAwait(false);
        if (result?.Errors is { Count: > 0 } || (result?.ResponseStatus is { } status && !status.StartsWith('2') && !status.StartsWith("404", StringComparison.Ordinal)))
        {
            var details = string.Join("; ", result.Errors?.Select(e => string.Join(' ', e)) ?? []);
            throw new OpenStackException(FailureKind.RemoteFailure, $"{bucket}/{key}", $"Swift reported {result.ResponseStatus}: {details} {result.ResponseBody}".Trim());
        }
    }

    private (SwiftClient Client, SwiftStoreSettings Settings) Ready(string bucket, string? key)
    {
        SwiftNames.ValidateContainer(bucket);
        if (key is not null)
        {
            SwiftNames.ValidateObject(key);
        }

        return _client is not null && _settings is not null
            ? (_client, _settings)
            : throw new InvalidOperationException("ObjectStore.Init must be called before any other method");
    }

    private static async Task<T> Wrap<T>(string context, string bucket, string? key, Func<Task<T>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception e) when (e is VeleroOpenShiftException or HttpRequestException or IOException)
        {
            throw OpenStackException.Wrap(context, e, key is null ? bucket : $"{bucket}/{key}");
        }
    }

    private static Task Wrap(string context, string bucket, string key, Func<Task> action) =>
        Wrap(context, bucket, key, async () =>
        {
            await action().ConfigureAwait(false);
            return true;
        });
}
