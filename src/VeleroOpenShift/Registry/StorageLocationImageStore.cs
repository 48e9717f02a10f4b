using System.Text;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.Registry;

/// <summary>
/// Images kept in a backup storage location's object store in the Distribution storage layout (spec §7.4, the
/// <c>bsl://</c> registry): blobs once per bucket, repositories as link files naming them. A blob already in the
/// bucket is linked into a repository without being uploaded again, whatever repository it came with.
/// </summary>
internal sealed class StorageLocationImageStore(IObjectStore store, string bucket) : IImageStore
{
    public string Location => "bsl://" + bucket;

    public async Task<ImageManifest> GetManifestAsync(string repository, string reference, string image, CancellationToken cancellationToken)
    {
        var digest = reference.StartsWith("sha256:", StringComparison.Ordinal)
            ? reference
            : await ReadLinkAsync(DistributionLayout.TagCurrentLink(repository, reference), image, "manifest", $"tag {reference} is not in the backup storage location", cancellationToken).ConfigureAwait(false);
        var descriptor = new Descriptor(string.Empty, digest, -1);
        await ReadLinkAsync(DistributionLayout.RevisionLink(repository, descriptor), image, "manifest", $"manifest {digest} is not in repository {repository}", cancellationToken).ConfigureAwait(false);
        byte[] bytes;
        var content = await store.GetObjectAsync(bucket, DistributionLayout.BlobData(descriptor), cancellationToken).ConfigureAwait(false);
        await using (content.ConfigureAwait(false))
        {
            using var copy = new MemoryStream();
            await content.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
            bytes = copy.ToArray();
        }

        var manifest = ImageManifest.Parse(bytes, null, image);
        return manifest.Digest == digest
            ? manifest
            : throw new RegistryException(FailureKind.InvalidData, image, "manifest", $"the stored manifest {digest} has digest {manifest.Digest}");
    }

    public Task<bool> HasBlobAsync(string repository, Descriptor blob, string image, CancellationToken cancellationToken) =>
        store.ObjectExistsAsync(bucket, DistributionLayout.LayerLink(repository, blob), cancellationToken);

    public async Task<bool> TryLinkBlobAsync(string repository, Descriptor blob, string? sourceRepository, string image, CancellationToken cancellationToken)
    {
        if (!await store.ObjectExistsAsync(bucket, DistributionLayout.BlobData(blob), cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await WriteLinkAsync(DistributionLayout.LayerLink(repository, blob), blob.Digest, cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<Stream> OpenBlobAsync(string repository, Descriptor blob, string image, CancellationToken cancellationToken)
    {
        if (!await store.ObjectExistsAsync(bucket, DistributionLayout.LayerLink(repository, blob), cancellationToken).ConfigureAwait(false))
        {
            throw new RegistryException(FailureKind.NotFound, image, "blob " + blob.Digest, $"blob unknown to registry: repository {repository} in the backup storage location does not have it");
        }

        return await store.GetObjectAsync(bucket, DistributionLayout.BlobData(blob), cancellationToken).ConfigureAwait(false);
    }

    public async Task PutBlobAsync(string repository, Descriptor blob, Stream content, string image, CancellationToken cancellationToken)
    {
        await using (var verified = new DigestVerifyingStream(content, blob, image))
        {
            await store.PutObjectAsync(bucket, DistributionLayout.BlobData(blob), verified, cancellationToken).ConfigureAwait(false);
        }

        await WriteLinkAsync(DistributionLayout.LayerLink(repository, blob), blob.Digest, cancellationToken).ConfigureAwait(false);
    }

    public async Task PutManifestAsync(string repository, string reference, ImageManifest manifest, string image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var descriptor = new Descriptor(manifest.MediaType, manifest.Digest, manifest.Bytes.Length);
        using (var bytes = new MemoryStream(manifest.Bytes, writable: false))
        {
            await store.PutObjectAsync(bucket, DistributionLayout.BlobData(descriptor), bytes, cancellationToken).ConfigureAwait(false);
        }

        await WriteLinkAsync(DistributionLayout.RevisionLink(repository, descriptor), manifest.Digest, cancellationToken).ConfigureAwait(false);
        if (!reference.StartsWith("sha256:", StringComparison.Ordinal))
        {
            // The tag's index link first, then current: a reader following current always finds the revision.
            await WriteLinkAsync(DistributionLayout.TagIndexLink(repository, reference, descriptor), manifest.Digest, cancellationToken).ConfigureAwait(false);
            await WriteLinkAsync(DistributionLayout.TagCurrentLink(repository, reference), manifest.Digest, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<string> ReadLinkAsync(string key, string image, string field, string missing, CancellationToken cancellationToken)
    {
        if (!await store.ObjectExistsAsync(bucket, key, cancellationToken).ConfigureAwait(false))
        {
            throw new RegistryException(FailureKind.NotFound, image, field, missing);
        }

        var content = await store.GetObjectAsync(bucket, key, cancellationToken).ConfigureAwait(false);
        await using (content.ConfigureAwait(false))
        {
            using var reader = new StreamReader(content, Encoding.UTF8);
            var digest = (await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false)).Trim();
            return ImageReference.DigestPattern().IsMatch(digest)
                ? digest
                : throw new RegistryException(FailureKind.InvalidData, image, field, $"link {key} does not name a sha256 digest");
        }
    }

    // Distribution writes a link as the bare digest, without a newline.
    private async Task WriteLinkAsync(string key, string digest, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream(Encoding.ASCII.GetBytes(digest), writable: false);
        await store.PutObjectAsync(bucket, key, body, cancellationToken).ConfigureAwait(false);
    }
}
