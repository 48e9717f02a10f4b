using System.Security.Cryptography;
using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenStack.Http;

namespace VeleroOpenShift.Registry;

/// <summary>
/// Passes a blob through while hashing it, and fails the read that reaches its end when the size or SHA-256 differs
/// from the descriptor's, so a store that writes what it reads never completes a corrupt blob. Registries check this
/// themselves; the backup storage location does not.
/// </summary>
internal sealed class DigestVerifyingStream(Stream inner, Descriptor blob, string image) : ForwardReadStream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _read;
    private bool _verified;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (read > 0)
        {
            _hash.AppendData(buffer.Span[..read]);
            _read += read;
        }
        else if (!_verified)
        {
            var digest = "sha256:" + Convert.ToHexStringLower(_hash.GetHashAndReset());
            if (_read != blob.Size || digest != blob.Digest)
            {
                throw new RegistryException(FailureKind.InvalidData, image, "blob " + blob.Digest, $"the source sent {_read} bytes with digest {digest}; the manifest says {blob.Size} bytes");
            }

            _verified = true;
        }

        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }
}
