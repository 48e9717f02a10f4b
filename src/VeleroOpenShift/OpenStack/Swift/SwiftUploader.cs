using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenStack.Http;

namespace VeleroOpenShift.OpenStack.Swift;

/// <summary>
/// Streams an object into Swift so that nothing partial is ever visible under its name: one PUT when it fits in a
/// segment (Swift commits a PUT whole or not at all), else a Static Large Object whose manifest goes last, with the
/// segments removed again if anything fails before the manifest is in place.
/// </summary>
internal sealed class SwiftUploader
{
    // Objects up to this size are read into memory first: they get an up-front ETag and can be retried.
    // Velero's metadata files are far below it; only backup contents exceed it.
    private const int SmallObjectLimit = 4 * 1024 * 1024;

    // Swift's default max_manifest_segments.
    private const int MaxSegments = 1000;

    private static readonly int[] Created = [201, 202];
    private static readonly int[] ContainerReady = [201, 202, 204];

    private readonly SwiftClient _client;
    private readonly long _segmentSize;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public SwiftUploader(SwiftClient client, long segmentSize, TimeProvider time, ILogger logger)
    {
        _client = client;
        _segmentSize = segmentSize;
        _time = time;
        _logger = logger;
    }

    public async Task UploadAsync(string container, string key, Stream body, string segmentContainer, CancellationToken cancellationToken)
    {
        if (body.CanSeek)
        {
            var length = body.Length - body.Position;
            if (length <= _segmentSize)
            {
                await PutAsync(container, key, new SeekableSliceBody(body, body.Position, length), null, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var start = body.Position;
                await UploadLargeAsync(container, key, segmentContainer, index =>
                {
                    var offset = start + (index * _segmentSize);
                    return Task.FromResult<RequestBody?>(offset >= body.Length ? null : new SeekableSliceBody(body, offset, Math.Min(_segmentSize, body.Length - offset)));
                }, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var source = new LookaheadStream(body);
        var limit = (int)Math.Min(SmallObjectLimit, _segmentSize);
        if (await source.FillAsync(limit + 1, cancellationToken).ConfigureAwait(false) <= limit)
        {
            var content = source.Buffered;
            await PutAsync(container, key, new BufferedBody(content), Convert.ToHexStringLower(MD5.HashData(content.Span)), cancellationToken).ConfigureAwait(false);
            return;
        }

        await UploadLargeAsync(container, key, segmentContainer, async _ =>
            await source.FillAsync(1, cancellationToken).ConfigureAwait(false) == 0 ? null : new OneShotBody(source, _segmentSize), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>PUT with the MD5 checked: up front via ETag when known, else against the ETag Swift computed.</summary>
    private async Task<(string Etag, long Size)> PutAsync(string container, string name, RequestBody body, string? md5, CancellationToken cancellationToken, string? query = null)
    {
        var url = _client.ObjectUrl(container, name, query);
        var headers = md5 is null ? null : new Dictionary<string, string> { ["ETag"] = md5 };
        using (var response = await _client.SendAsync(HttpMethod.Put, url, cancellationToken, body, headers).ConfigureAwait(false))
        {
            await HttpResponses.EnsureAsync(response, Created, cancellationToken, $"{container}/{name}").ConfigureAwait(false);
            var etag = HttpResponses.Header(response, "Etag")?.Trim('"') ?? "";
            if (md5 is not null || query is not null || string.Equals(etag, body.SentMd5, StringComparison.OrdinalIgnoreCase))
            {
                return (etag, body.SentLength);
            }
        }

        // What arrived is not what was sent: remove it rather than leave a corrupt object under the name.
        await DeleteQuietlyAsync(container, name).ConfigureAwait(false);
        throw new OpenStackException(FailureKind.RemoteFailure, $"{container}/{name}", $"the MD5 Swift computed for \"{name}\" differs from the MD5 of the bytes sent; the object was removed");
    }

    private async Task UploadLargeAsync(string container, string key, string segmentContainer, Func<long, Task<RequestBody?>> nextSegment, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(segmentContainer, cancellationToken).ConfigureAwait(false);
        var uploadId = $"{_time.GetUtcNow().ToUnixTimeMilliseconds()}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
        var segments = new List<SloSegment>();
        var uploaded = new List<string>();
        try
        {
            for (var index = 0L; await nextSegment(index).ConfigureAwait(false) is { } body; index++)
            {
                if (index == MaxSegments)
                {
                    throw new OpenStackException(FailureKind.InvalidData, $"{container}/{key}", $"\"{key}\" needs more than {MaxSegments} segments of {_segmentSize} bytes; raise segmentSize");
                }

                var name = $"{key}/{uploadId}/{index:D8}";
                uploaded.Add(name);
                var (etag, size) = await PutAsync(segmentContainer, name, body, null, cancellationToken).ConfigureAwait(false);
                segments.Add(new SloSegment($"/{segmentContainer}/{name}", etag, size));
                _logger.LogDebug("Uploaded segment {Index} of {Object} ({Bytes} bytes)", index, key, size);
            }

            var manifest = JsonSerializer.SerializeToUtf8Bytes(segments, OpenStackJsonContext.Default.ListSloSegment);
            await PutAsync(container, key, new BufferedBody(manifest), null, cancellationToken, "multipart-manifest=put").ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _logger.LogWarning("Upload of {Object} to {Container} failed after {Segments} segments; removing them", key, container, uploaded.Count);
            foreach (var name in uploaded)
            {
                await DeleteQuietlyAsync(segmentContainer, name).ConfigureAwait(false);
            }

            throw;
        }
    }

    private async Task EnsureContainerAsync(string container, CancellationToken cancellationToken)
    {
        using var response = await _client.SendAsync(HttpMethod.Put, _client.ContainerUrl(container), cancellationToken).ConfigureAwait(false);
        await HttpResponses.EnsureAsync(response, ContainerReady, cancellationToken, container).ConfigureAwait(false);
    }

    // Clean-up runs even when the caller cancelled: leaving segments behind would be the worse outcome.
    private async Task DeleteQuietlyAsync(string container, string name)
    {
        try
        {
            using var response = await _client.SendAsync(HttpMethod.Delete, _client.ObjectUrl(container, name), CancellationToken.None).ConfigureAwait(false);
            if (response.StatusCode is not (HttpStatusCode.NoContent or HttpStatusCode.NotFound or HttpStatusCode.Accepted))
            {
                _logger.LogWarning("Could not remove {Container}/{Object}: HTTP {Status}", container, name, (int)response.StatusCode);
            }
        }
        catch (Exception e) when (e is HttpRequestException or VeleroOpenShiftException)
        {
            _logger.LogWarning(e, "Could not remove {Container}/{Object}", container, name);
        }
    }
}
