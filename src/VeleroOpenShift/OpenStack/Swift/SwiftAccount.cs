using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using VeleroOpenShift.Errors;

namespace VeleroOpenShift.OpenStack.Swift;

/// <summary>
/// One authenticated Swift account for interactive use (the module's cmdlets). Uploads, downloads, existence checks
/// and deletes go through <see cref="SwiftObjectStore"/>, so large objects take the same SLO path Velero's backups take;
/// listings add what a person wants to see (size, date, content type) and the account's containers.
/// </summary>
public sealed class SwiftAccount : IDisposable
{
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
