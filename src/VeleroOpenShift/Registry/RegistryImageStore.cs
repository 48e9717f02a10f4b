using System.Net.Http.Headers;
using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenStack.Http;

namespace VeleroOpenShift.Registry;

/// <summary>
/// A registry through the Docker registry HTTP API v2 / OCI distribution API: HEAD before upload, cross-repository
/// mount, and uploads streamed from the source, in chunks (PATCH with Content-Range) for blobs above the chunk size.
/// </summary>
internal sealed class RegistryImageStore(RegistryConnection connection, long chunkSize) : IImageStore
{
    public string Location => "docker://" + connection.Registry;

    public async Task<ImageManifest> GetManifestAsync(string repository, string reference, string image, CancellationToken cancellationToken)
    {
        var request = new RegistryRequest(HttpMethod.Get, $"v2/{repository}/manifests/{reference}", Pull(repository), image, "manifest")
        {
            Accept = ManifestMediaTypes.Accepted,
        };
        using var response = await connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await RegistryConnection.EnsureAsync(response, image, "manifest", cancellationToken, 200).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var manifest = ImageManifest.Parse(bytes, response.Content.Headers.ContentType?.MediaType, image);
        if (reference.StartsWith("sha256:", StringComparison.Ordinal) && manifest.Digest != reference)
        {
            throw new RegistryException(FailureKind.InvalidData, image, "manifest", $"the registry served content with digest {manifest.Digest} for {reference}");
        }

        return manifest;
    }

    public async Task<bool> HasBlobAsync(string repository, Descriptor blob, string image, CancellationToken cancellationToken)
    {
        var request = new RegistryRequest(HttpMethod.Head, $"v2/{repository}/blobs/{blob.Digest}", Pull(repository), image, "blob " + blob.Digest);
        using var response = await connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if ((int)response.StatusCode == 404)
        {
            return false;
        }

        await RegistryConnection.EnsureAsync(response, image, "blob " + blob.Digest, cancellationToken, 200).ConfigureAwait(false);
        return true;
    }

    public async Task<bool> TryLinkBlobAsync(string repository, Descriptor blob, string? sourceRepository, string image, CancellationToken cancellationToken)
    {
        if (sourceRepository is null || sourceRepository == repository)
        {
            return false;
        }

        var request = new RegistryRequest(
            HttpMethod.Post,
            $"v2/{repository}/blobs/uploads/?mount={Uri.EscapeDataString(blob.Digest)}&from={Uri.EscapeDataString(sourceRepository)}",
            $"{PushPull(repository)} {Pull(sourceRepository)}",
            image,
            "blob " + blob.Digest);
        using var response = await connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if ((int)response.StatusCode == 202)
        {
            // The registry would not mount and opened an upload instead; it is left to expire, since the transfer
            // that follows starts its own upload for a fresh source stream.
            return false;
        }

        await RegistryConnection.EnsureAsync(response, image, "blob " + blob.Digest, cancellationToken, 201).ConfigureAwait(false);
        return true;
    }

    public async Task<Stream> OpenBlobAsync(string repository, Descriptor blob, string image, CancellationToken cancellationToken)
    {
        var request = new RegistryRequest(HttpMethod.Get, $"v2/{repository}/blobs/{blob.Digest}", Pull(repository), image, "blob " + blob.Digest);
        var response = await connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            await RegistryConnection.EnsureAsync(response, image, "blob " + blob.Digest, cancellationToken, 200).ConfigureAwait(false);
            return await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    public async Task PutBlobAsync(string repository, Descriptor blob, Stream content, string image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var field = "blob " + blob.Digest;
        var scope = PushPull(repository);
        string location;
        using (var started = await connection.SendAsync(new RegistryRequest(HttpMethod.Post, $"v2/{repository}/blobs/uploads/", scope, image, field), cancellationToken).ConfigureAwait(false))
        {
            await RegistryConnection.EnsureAsync(started, image, field, cancellationToken, 202).ConfigureAwait(false);
            location = UploadLocation(started, image, field);
        }

        // Up to one chunk goes up with the closing PUT (the monolithic upload of the distribution spec); larger blobs
        // are sent in chunks first. Bodies are slices of the source stream, so no chunk is buffered either.
        long offset = 0;
        while (blob.Size - offset > chunkSize)
        {
            var start = offset;
            var request = new RegistryRequest(HttpMethod.Patch, location, scope, image, field)
            {
                Content = () => Slice(content, start, chunkSize, withRange: true),
                Resendable = false,
            };
            using var response = await connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
            await RegistryConnection.EnsureAsync(response, image, field, cancellationToken, 202).ConfigureAwait(false);
            location = UploadLocation(response, image, field);
            offset += chunkSize;
        }

        var remaining = blob.Size - offset;
        var close = new RegistryRequest(HttpMethod.Put, WithQuery(location, "digest=" + Uri.EscapeDataString(blob.Digest)), scope, image, field)
        {
            Content = () => Slice(content, offset, remaining, withRange: false),
            Resendable = remaining == 0,
        };
        using var closed = await connection.SendAsync(close, cancellationToken).ConfigureAwait(false);
        await RegistryConnection.EnsureAsync(closed, image, field, cancellationToken, 201).ConfigureAwait(false);
    }

    public async Task PutManifestAsync(string repository, string reference, ImageManifest manifest, string image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var request = new RegistryRequest(HttpMethod.Put, $"v2/{repository}/manifests/{reference}", PushPull(repository), image, "manifest")
        {
            Content = () =>
            {
                var body = new ByteArrayContent(manifest.Bytes);
                body.Headers.ContentType = new MediaTypeHeaderValue(manifest.MediaType);
                return body;
            },
        };
        using var response = await connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await RegistryConnection.EnsureAsync(response, image, "manifest", cancellationToken, 201, 200).ConfigureAwait(false);
    }

    private static HttpContent Slice(Stream content, long start, long length, bool withRange)
    {
        var body = new StreamContent(new BoundedReadStream(content, length));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        body.Headers.ContentLength = length;
        if (withRange)
        {
            // The distribution spec's form (start-end, no unit), which HttpClient's typed header cannot express.
            body.Headers.TryAddWithoutValidation("Content-Range", $"{start}-{start + length - 1}");
        }

        return body;
    }

    private static string UploadLocation(HttpResponseMessage response, string image, string field) =>
        response.Headers.Location?.ToString()
        ?? throw new RegistryException(FailureKind.RemoteFailure, image, field, "the registry started an upload without a Location header");

    private static string WithQuery(string location, string parameter) =>
        location + (location.Contains('?', StringComparison.Ordinal) ? "&" : "?") + parameter;

    private static string Pull(string repository) => $"repository:{repository}:pull";

    private static string PushPull(string repository) => $"repository:{repository}:pull,push";
}
