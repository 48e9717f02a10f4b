using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenStack.Http;

namespace VeleroOpenShift.OpenStack.Swift;

/// <summary>
/// One authenticated Swift account for interactive use (the module's cmdlets). Uploads, downloads, existence checks
/// and deletes go through <see cref="SwiftObjectStore"/>, so large objects take the same SLO path Velero's backups take;
/// listings add what a person wants to see (size, date, content type) and the account's containers.
/// </summary>
public sealed class SwiftAccount : IDisposable
{
    private static readonly int[] ContainerCreated = [201, 202];
    private static readonly int[] MetadataSet = [200, 204];

    private readonly SwiftObjectStore _store;
    private readonly SwiftClient _client;

    private SwiftAccount(SwiftObjectStore store, SwiftClient client)
    {
        _store = store;
        _client = client;
    }

    /// <summary>The account URL (<c>…/v1/AUTH_x/</c>).</summary>
    public Uri AccountUrl => _client.AccountUrl;

    /// <summary>Expiry of the token in use; null when the identity service gave none (tempauth).</summary>
    public DateTimeOffset? TokenExpiresAt { get; private set; }

    /// <summary>Authenticates as the plugin would: <paramref name="cloud"/> names a clouds.yaml entry, else <paramref name="environmentVariable"/> supplies OS_* values.</summary>
    public static async Task<SwiftAccount> ConnectAsync(string? cloud, Func<string, string?> environmentVariable, ILoggerFactory loggerFactory, TimeProvider time, CancellationToken cancellationToken)
    {
        var store = new SwiftObjectStore(loggerFactory, time, environmentVariable);
        try
        {
            var config = cloud is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["cloud"] = cloud };
            await store.InitAsync(config, cancellationToken).ConfigureAwait(false);
            var account = new SwiftAccount(store, store.Client!);
            await account.RefreshExpiryAsync(cancellationToken).ConfigureAwait(false);
            return account;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    public async IAsyncEnumerable<SwiftContainerInfo> ListContainersAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var entries = Listing("failed to list containers", null, _client.ListContainersAsync(cancellationToken), cancellationToken);
        await foreach (var entry in entries.ConfigureAwait(false))
        {
            yield return new SwiftContainerInfo(entry.Name, entry.Count, entry.Bytes, ParseDate(entry.LastModified));
        }

        await RefreshExpiryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Objects under <paramref name="prefix"/>; with a delimiter, names that continue past it come back once as a pseudo-folder.</summary>
    public async IAsyncEnumerable<SwiftObjectInfo> ListObjectsAsync(string container, string prefix, string delimiter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        SwiftNames.ValidateContainer(container);
        var entries = Listing($"failed to list objects in \"{container}\" container", container, _client.ListAsync(container, prefix, delimiter, cancellationToken), cancellationToken);
        await foreach (var entry in entries.ConfigureAwait(false))
        {
            yield return entry.Subdir is { } folder
                ? new SwiftObjectInfo(container, folder, 0, null, null, null, IsPseudoFolder: true)
                : new SwiftObjectInfo(container, entry.Name ?? "", entry.Bytes ?? 0, ParseDate(entry.LastModified), entry.ContentType, entry.Hash, IsPseudoFolder: false);
        }

        await RefreshExpiryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Streams <paramref name="body"/> into the object; above the segment size (1 GiB) it becomes a Static Large Object.</summary>
    public Task UploadAsync(string container, string name, Stream body, CancellationToken cancellationToken) =>
        _store.PutObjectAsync(container, name, body, cancellationToken);

    public Task<Stream> DownloadAsync(string container, string name, CancellationToken cancellationToken) =>
        _store.GetObjectAsync(container, name, cancellationToken);

    public Task<bool> ExistsAsync(string container, string name, CancellationToken cancellationToken) =>
        _store.ObjectExistsAsync(container, name, cancellationToken);

    /// <summary>Deletes the object, with its segments when it is a large object; an object already gone is not an error.</summary>
    public Task DeleteAsync(string container, string name, CancellationToken cancellationToken) =>
        _store.DeleteObjectAsync(container, name, cancellationToken);

    /// <summary>Creates the container; true when it was created, false when it existed already (Swift answers 202).</summary>
    public async Task<bool> CreateContainerAsync(string container, CancellationToken cancellationToken)
    {
        SwiftNames.ValidateContainer(container);
        try
        {
            using var response = await _client.SendAsync(HttpMethod.Put, _client.ContainerUrl(container), cancellationToken).ConfigureAwait(false);
            await HttpResponses.EnsureAsync(response, ContainerCreated, cancellationToken, container).ConfigureAwait(false);
            return response.StatusCode == HttpStatusCode.Created;
        }
        catch (Exception e) when (e is VeleroOpenShiftException or HttpRequestException or IOException)
        {
            throw OpenStackException.Wrap($"failed to create \"{container}\" container", e, container);
        }
    }

    /// <summary>Sets the Temp URL key of the account, or of <paramref name="container"/> when given (which then wins for its objects).</summary>
    public async Task SetTempUrlKeyAsync(string? container, string key, CancellationToken cancellationToken)
    {
        var target = container ?? _client.AccountUrl.AbsolutePath;
        if (container is not null)
        {
            SwiftNames.ValidateContainer(container);
        }

        var url = container is null ? _client.AccountUrl : _client.ContainerUrl(container);
        var header = container is null ? "X-Account-Meta-Temp-URL-Key" : "X-Container-Meta-Temp-URL-Key";
        try
        {
            using var response = await _client.SendAsync(HttpMethod.Post, url, cancellationToken, headers: new Dictionary<string, string> { [header] = key }).ConfigureAwait(false);
            await HttpResponses.EnsureAsync(response, MetadataSet, cancellationToken, target).ConfigureAwait(false);
        }
        catch (Exception e) when (e is VeleroOpenShiftException or HttpRequestException or IOException)
        {
            throw OpenStackException.Wrap("failed to set the Temp URL key", e, target);
        }
    }

    /// <summary>A Temp URL for one method, signed with the key of the environment, the container or the account (spec §4.5).</summary>
    /// <param name="digest">sha1, sha256 or sha512; null for OS_SWIFT_TEMP_URL_DIGEST or Swift's default, sha1.</param>
    public Task<string> CreateTempUrlAsync(string container, string name, string method, TimeSpan timeToLive, string? digest, CancellationToken cancellationToken) =>
        _store.CreateSignedUrlAsync(container, name, timeToLive, method, digest, cancellationToken);

    public void Dispose() => _store.Dispose();

    private async Task RefreshExpiryAsync(CancellationToken cancellationToken)
    {
        if (_store.Session is { } session)
        {
            TokenExpiresAt = (await session.GetTokenAsync(cancellationToken).ConfigureAwait(false)).ExpiresAt;
        }
    }

    // The store's wording and kinds for failures ("failed to … : Expected HTTP response code …"), targeted at the container.
    private static async IAsyncEnumerable<T> Listing<T>(string context, string? target, IAsyncEnumerable<T> source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var enumerator = source.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                {
                    yield break;
                }
            }
            catch (Exception e) when (e is VeleroOpenShiftException or HttpRequestException or IOException)
            {
                throw OpenStackException.Wrap(context, e, target);
            }

            yield return enumerator.Current;
        }
    }

    // Swift writes UTC without a zone and with microseconds: 2026-11-23T04:40:00.123456.
    private static DateTimeOffset? ParseDate(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value) ? value : null;
}
