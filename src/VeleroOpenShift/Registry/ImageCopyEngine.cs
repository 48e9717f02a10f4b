using Microsoft.Extensions.Logging;
using VeleroOpenShift.Errors;

namespace VeleroOpenShift.Registry;

/// <summary>
/// Copies one image between stores, byte for byte: an image manifest with its config and layers, or an index /
/// manifest list with every platform it lists (the RECOMMENDED behaviour of spec §7.5, so the digest does not change).
/// Blobs are copied before the manifests that name them and children before their index, as registries require;
/// several blobs move at once. A blob the destination has is skipped, one in another repository of the same registry
/// is mounted, the rest stream through without being held in memory; a broken transfer starts again under the retry policy.
/// </summary>
internal sealed class ImageCopyEngine(RetryPolicy retry, int parallelBlobs, TimeProvider time, ILogger logger)
{
    public async Task<ImageCopyResult> CopyAsync(
        IImageStore source, ImageReference from, IImageStore destination, ImageReference to, IProgress<ImageCopyProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var image = from.ToString();
        var top = await source.GetManifestAsync(from.Repository, from.Reference, image, cancellationToken).ConfigureAwait(false);
        if (to.Digest is { } wanted && wanted != top.Digest)
        {
            throw new RegistryException(FailureKind.InvalidData, to.ToString(), "reference", $"names digest {wanted}, but the source manifest has digest {top.Digest}");
        }

        List<ImageManifest> manifests = [];
        await CollectAsync(source, from.Repository, top, image, manifests, cancellationToken).ConfigureAwait(false);
        var blobs = manifests.SelectMany(m => m.Blobs).DistinctBy(b => b.Digest).ToList();
        var state = new CopyState(image, blobs.Sum(b => b.Size), blobs.Count, progress);
        var sameStore = source.Location == destination.Location;
        await Parallel.ForEachAsync(
            blobs,
            new ParallelOptions { MaxDegreeOfParallelism = parallelBlobs, CancellationToken = cancellationToken },
            (blob, token) => new ValueTask(CopyBlobAsync(source, from.Repository, destination, to, sameStore ? from.Repository : null, blob, state, token))).ConfigureAwait(false);

        // Children first: a registry refuses an index that names manifests it does not have.
        foreach (var manifest in manifests.Where(m => m != top))
        {
            await destination.PutManifestAsync(to.Repository, manifest.Digest, manifest, to.ToString(), cancellationToken).ConfigureAwait(false);
        }

        await destination.PutManifestAsync(to.Repository, to.Tag ?? to.Digest ?? "latest", top, to.ToString(), cancellationToken).ConfigureAwait(false);
        logger.LogInformation(
            "Copied {Source} to {Destination} ({Digest}): {Uploaded} blobs uploaded ({Bytes} bytes), {Skipped} present, {Mounted} mounted, {Manifests} manifests",
            image, to, top.Digest, state.UploadedCount, state.BytesUploaded, state.Skipped, state.Mounted, manifests.Count);
        return new ImageCopyResult(image, to.ToString(), top.Bytes, top.MediaType, top.Digest, manifests.Count, state.UploadedCount, state.Skipped, state.Mounted, state.BytesUploaded);
    }

    /// <summary>The manifest and, for an index, every manifest below it, children before parents.</summary>
    private static async Task CollectAsync(IImageStore source, string repository, ImageManifest manifest, string image, List<ImageManifest> into, CancellationToken cancellationToken)
    {
        foreach (var child in manifest.Children)
        {
            if (into.Any(m => m.Digest == child.Digest))
            {
                continue;
            }

            var childManifest = await source.GetManifestAsync(repository, child.Digest, image, cancellationToken).ConfigureAwait(false);
            await CollectAsync(source, repository, childManifest, image, into, cancellationToken).ConfigureAwait(false);
        }

        into.Add(manifest);
    }

    private async Task CopyBlobAsync(
        IImageStore source, string sourceRepository, IImageStore destination, ImageReference to, string? mountFrom, Descriptor blob, CopyState state, CancellationToken cancellationToken)
    {
        var repository = to.Repository;
        var target = to.ToString();
        if (await destination.HasBlobAsync(repository, blob, target, cancellationToken).ConfigureAwait(false))
        {
            state.Present(blob.Size, mounted: false);
            return;
        }

        if (await destination.TryLinkBlobAsync(repository, blob, mountFrom, target, cancellationToken).ConfigureAwait(false))
        {
            state.Present(blob.Size, mounted: true);
            return;
        }

        for (var attempt = 1; ; attempt++)
        {
            var counted = new CountingReadStream(state);
            try
            {
                await using (var content = await source.OpenBlobAsync(sourceRepository, blob, state.Image, cancellationToken).ConfigureAwait(false))
                {
                    counted.Inner = content;
                    await destination.PutBlobAsync(repository, blob, counted, target, cancellationToken).ConfigureAwait(false);
                }

                state.Uploaded(blob.Size);
                return;
            }
            catch (Exception e) when (attempt < retry.MaxAttempts && IsTransient(e) && !cancellationToken.IsCancellationRequested)
            {
                state.Rewind(counted.BytesRead);
                var delay = retry.DelayBefore(attempt + 1);
                logger.LogWarning("Copy of blob {Digest} of {Image} failed ({Failure}); attempt {Attempt} of {MaxAttempts}, retrying in {DelaySeconds} s",
                    blob.Digest, state.Image, e.Message, attempt, retry.MaxAttempts, delay.TotalSeconds);
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static bool IsTransient(Exception e) => e switch
    {
        RegistryException registry => registry.IsTransient,
        VeleroOpenShiftException other => other.Kind is FailureKind.RemoteFailure or FailureKind.Timeout,
        HttpRequestException or IOException => true,
        _ => false,
    };

    /// <summary>Counters of one copy, shared by the blob transfers running at once.</summary>
    private sealed class CopyState(string image, long bytesTotal, int blobsTotal, IProgress<ImageCopyProgress>? progress)
    {
        private long _bytes;
        private long _bytesUploaded;
        private int _uploadedCount;
        private int _skipped;
        private int _mounted;

        public string Image => image;

        public int UploadedCount => _uploadedCount;

        public int Skipped => _skipped;

        public int Mounted => _mounted;

        public long BytesUploaded => Interlocked.Read(ref _bytesUploaded);

        public void Moved(long bytes)
        {
            Interlocked.Add(ref _bytes, bytes);
            Report();
        }

        public void Rewind(long bytes) => Interlocked.Add(ref _bytes, -bytes);

        /// <summary>A blob the destination had, or got by a mount: no bytes move, but they count as done.</summary>
        public void Present(long size, bool mounted)
        {
            Interlocked.Increment(ref mounted ? ref _mounted : ref _skipped);
            Moved(size);
        }

        public void Uploaded(long size)
        {
            Interlocked.Increment(ref _uploadedCount);
            Interlocked.Add(ref _bytesUploaded, size);
            Report();
        }

        private void Report() =>
            progress?.Report(new ImageCopyProgress(image, Interlocked.Read(ref _bytes), bytesTotal, _uploadedCount + _skipped + _mounted, blobsTotal));
    }

    /// <summary>Passes a blob's bytes through and counts them for progress.</summary>
    private sealed class CountingReadStream(CopyState state) : OpenStack.Http.ForwardReadStream
    {
        public Stream Inner { get; set; } = Null;

        public long BytesRead { get; private set; }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await Inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            BytesRead += read;
            state.Moved(read);
            return read;
        }
    }
}
