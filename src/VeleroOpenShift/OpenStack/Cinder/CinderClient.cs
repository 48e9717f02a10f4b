using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using VeleroOpenShift.OpenStack.Http;
using VeleroOpenShift.OpenStack.Volumes;

namespace VeleroOpenShift.OpenStack.Cinder;

/// <summary>
/// The Cinder v3 calls the snapshotter makes (spec §5.3), against one project endpoint (<c>…/v3/&lt;project&gt;/</c>).
/// An answer with an unexpected status becomes an <see cref="OpenStackServiceException"/> naming the resource.
/// </summary>
internal sealed partial class CinderClient
{
    private static readonly int[] Ok = [200];
    private static readonly int[] Accepted = [202];
    private static readonly int[] Deleted = [202, 204];
    private static readonly int[] VersionsServed = [200, 300];

    private readonly ResilientSender _sender;

    public CinderClient(ResilientSender sender, Uri endpoint, Microversion? microversion = null)
    {
        _sender = sender;
        Endpoint = endpoint;
        Microversion = microversion;
    }

    /// <summary>The project endpoint with a trailing slash.</summary>
    public Uri Endpoint { get; }

    /// <summary>Sent in the version headers of every request; null sends none (the API's base version).</summary>
    public Microversion? Microversion { get; }

    public CinderClient WithMicroversion(Microversion microversion) => new(_sender, Endpoint, microversion);

    public async Task<CinderVolume> GetVolumeAsync(string id, CancellationToken cancellationToken) =>
        (await GetAsync(Url("volumes", id), CinderJsonContext.Default.VolumeEnvelope, $"volume {id}", cancellationToken).ConfigureAwait(false)).Volume;

    public async Task<CinderVolume> CreateVolumeAsync(VolumeCreate volume, CancellationToken cancellationToken) =>
        (await PostAsync(Url("volumes"), new VolumeCreateRequest(volume), CinderJsonContext.Default.VolumeCreateRequest, CinderJsonContext.Default.VolumeEnvelope, $"volume {volume.Name}", cancellationToken).ConfigureAwait(false)).Volume;

    public IAsyncEnumerable<CinderVolume> ListVolumesAsync(CancellationToken cancellationToken) =>
        PagesAsync(Url("volumes", "detail"), CinderJsonContext.Default.VolumePage, page => (page.Volumes, page.VolumesLinks), "volumes", cancellationToken);

    public async Task<CinderSnapshot> GetSnapshotAsync(string id, CancellationToken cancellationToken) =>
        (await GetAsync(Url("snapshots", id), CinderJsonContext.Default.SnapshotEnvelope, $"snapshot {id}", cancellationToken).ConfigureAwait(false)).Snapshot;

    public async Task<CinderSnapshot> CreateSnapshotAsync(SnapshotCreate snapshot, CancellationToken cancellationToken) =>
        (await PostAsync(Url("snapshots"), new SnapshotCreateRequest(snapshot), CinderJsonContext.Default.SnapshotCreateRequest, CinderJsonContext.Default.SnapshotEnvelope, $"snapshot {snapshot.Name}", cancellationToken).ConfigureAwait(false)).Snapshot;

    /// <summary>Snapshots of the project; of one volume when <paramref name="volumeId"/> is given.</summary>
    public IAsyncEnumerable<CinderSnapshot> ListSnapshotsAsync(string? volumeId, CancellationToken cancellationToken) =>
        PagesAsync(
            volumeId is null ? Url("snapshots", "detail") : new Uri(Url("snapshots") + "?volume_id=" + Uri.EscapeDataString(volumeId)),
            CinderJsonContext.Default.SnapshotPage,
            page => (page.Snapshots, page.SnapshotsLinks),
            "snapshots",
            cancellationToken);

    public async Task<CinderBackup> GetBackupAsync(string id, CancellationToken cancellationToken) =>
        (await GetAsync(Url("backups", id), CinderJsonContext.Default.BackupEnvelope, $"backup {id}", cancellationToken).ConfigureAwait(false)).Backup;

    public async Task<CinderBackup> CreateBackupAsync(BackupCreate backup, CancellationToken cancellationToken) =>
        (await PostAsync(Url("backups"), new BackupCreateRequest(backup), CinderJsonContext.Default.BackupCreateRequest, CinderJsonContext.Default.BackupEnvelope, $"backup {backup.Name}", cancellationToken).ConfigureAwait(false)).Backup;

    /// <summary>Every backup of the project, all pages (the reference scans them all, spec §12 reproduce 6).</summary>
    public IAsyncEnumerable<CinderBackup> ListBackupsAsync(CancellationToken cancellationToken) =>
        PagesAsync(Url("backups", "detail"), CinderJsonContext.Default.BackupPage, page => (page.Backups, page.BackupsLinks), "backups", cancellationToken);

    /// <summary>Uploads the volume to Glance (<c>os-volume_upload_image</c>); returns the new image's id.</summary>
    public async Task<string> UploadImageAsync(string volumeId, UploadImage upload, CancellationToken cancellationToken)
    {
        var response = await PostAsync(Url("volumes", volumeId, "action"), new UploadImageRequest(upload), CinderJsonContext.Default.UploadImageRequest, CinderJsonContext.Default.UploadImageResponse, $"volume {volumeId}", cancellationToken).ConfigureAwait(false);
        return response.Upload?.ImageId is { Length: > 0 } id
            ? id
            : throw new OpenStackException(Errors.FailureKind.RemoteFailure, $"volume {volumeId}", $"volume {volumeId}: Cinder's os-volume_upload_image answer has no image_id");
    }

    /// <summary><c>DELETE</c>; accepted with 202 or 204 (a 404 is an <see cref="OpenStackServiceException"/> like any other).</summary>
    public async Task DeleteAsync(CinderResourceType type, string id, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Delete, Url(type.Collection(), id), null, cancellationToken).ConfigureAwait(false);
        await HttpResponses.EnsureAsync(response, Deleted, cancellationToken, $"{type.Noun()} {id}").ConfigureAwait(false);
    }

    public async Task<string> GetStatusAsync(CinderResourceType type, string id, CancellationToken cancellationToken) => type switch
    {
        CinderResourceType.Volume => (await GetVolumeAsync(id, cancellationToken).ConfigureAwait(false)).Status,
        CinderResourceType.Snapshot => (await GetSnapshotAsync(id, cancellationToken).ConfigureAwait(false)).Status,
        CinderResourceType.Backup => (await GetBackupAsync(id, cancellationToken).ConfigureAwait(false)).Status ?? "",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>Sets the status of a volume, snapshot or backup (<c>os-reset_status</c>; usually needs admin rights).</summary>
    public async Task ResetStatusAsync(CinderResourceType type, string id, string status, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new ResetStatusRequest(new ResetStatus(status)), CinderJsonContext.Default.ResetStatusRequest);
        using var response = await SendAsync(HttpMethod.Post, Url(type.Collection(), id, "action"), body, cancellationToken).ConfigureAwait(false);
        await HttpResponses.EnsureAsync(response, Accepted, cancellationToken, $"{type.Noun()} {id}").ConfigureAwait(false);
    }

    /// <summary>The highest microversion of the v3 API ("3.70"), from the versions document at the root of the endpoint (spec §5.2).</summary>
    public async Task<string> MaxMicroversionAsync(CancellationToken cancellationToken)
    {
        var root = Root(Endpoint);
        using var response = await SendAsync(HttpMethod.Get, root, null, cancellationToken).ConfigureAwait(false);
        await HttpResponses.EnsureAsync(response, VersionsServed, cancellationToken, root.AbsolutePath).ConfigureAwait(false);
        var document = await response.Content.ReadFromJsonAsync(CinderJsonContext.Default.CinderVersions, cancellationToken).ConfigureAwait(false);
        var v3 = document?.Versions?.FirstOrDefault(v => v.Id == "v3.0")
            ?? throw new OpenStackException(Errors.FailureKind.NotSupported, root.ToString(), "Unable to find requested API version");
        return v3.Version ?? "";
    }

    /// <summary>The endpoint cut before its version segment: <c>http://h:8776/v3/p/</c> → <c>http://h:8776/</c>.</summary>
    internal static Uri Root(Uri endpoint)
    {
        var match = VersionSegment().Match(endpoint.AbsolutePath);
        var path = match.Success ? endpoint.AbsolutePath[..(match.Index + 1)] : endpoint.AbsolutePath;
        return new Uri(endpoint.GetLeftPart(UriPartial.Authority) + (path.EndsWith('/') ? path : path + "/"));
    }

    private Uri Url(params string[] parts) => new(Endpoint, string.Join('/', parts.Select(Uri.EscapeDataString)));

    private async Task<T> GetAsync<T>(Uri url, JsonTypeInfo<T> type, string target, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, url, null, cancellationToken).ConfigureAwait(false);
        await HttpResponses.EnsureAsync(response, Ok, cancellationToken, target).ConfigureAwait(false);
        return await ReadAsync(response, type, target, cancellationToken).ConfigureAwait(false);
    }

    private async Task<TResponse> PostAsync<TRequest, TResponse>(Uri url, TRequest request, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, string target, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, requestType);
        using var response = await SendAsync(HttpMethod.Post, url, body, cancellationToken).ConfigureAwait(false);
        await HttpResponses.EnsureAsync(response, Accepted, cancellationToken, target).ConfigureAwait(false);
        return await ReadAsync(response, responseType, target, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Follows the <c>rel: next</c> link of each page until a page has none.</summary>
    private async IAsyncEnumerable<TItem> PagesAsync<TPage, TItem>(
        Uri first,
        JsonTypeInfo<TPage> type,
        Func<TPage, (IReadOnlyList<TItem>? Items, IReadOnlyList<PageLink>? Links)> split,
        string target,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (Uri? url = first; url is not null && seen.Add(url.AbsoluteUri);)
        {
            var (items, links) = split(await GetAsync(url, type, target, cancellationToken).ConfigureAwait(false));
            foreach (var item in items ?? [])
            {
                yield return item;
            }

            url = links?.FirstOrDefault(link => link.Rel == "next")?.Href is { Length: > 0 } next ? new Uri(Endpoint, next) : null;
        }
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, string target, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(type, cancellationToken).ConfigureAwait(false)
                ?? throw new JsonException("the body is null");
        }
        catch (JsonException e)
        {
            throw new OpenStackException(Errors.FailureKind.RemoteFailure, target, $"{target}: Cinder answered {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.GetLeftPart(UriPartial.Path)} with JSON that cannot be read: {e.Message}", e);
        }
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri url, byte[]? jsonBody, CancellationToken cancellationToken)
    {
        var request = new OpenStackRequest(method, url, jsonBody is null ? null : new BufferedBody(jsonBody));
        if (jsonBody is not null)
        {
            request.Headers["Content-Type"] = "application/json";
        }

        if (Microversion is { } version)
        {
            request.Headers["X-OpenStack-Volume-API-Version"] = version.ToString();
            request.Headers["OpenStack-API-Version"] = "volume " + version;
        }

        return _sender.SendAsync(request, cancellationToken);
    }

    [GeneratedRegex(@"/v\d+(?:\.\d+)?(?:/|$)")]
    private static partial Regex VersionSegment();
}
