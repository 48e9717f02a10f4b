using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace VeleroOpenShift.Bench.ImageCopy;

/// <summary>
/// Writes an OCI image layout (skopeo's <c>oci:</c> transport) holding one image of random, incompressible gzip
/// layers, so neither copier can shrink the transfer; layers are written and hashed in pieces.
/// </summary>
internal static class GeneratedImage
{
    public static void Write(string layout, string tag, int layers, long layerBytes)
    {
        var blobs = Path.Combine(layout, "blobs", "sha256");
        Directory.CreateDirectory(blobs);
        var layerEntries = new List<string>();
        var diffIds = new List<string>();
        for (var i = 0; i < layers; i++)
        {
            var (digest, size, diffId) = WriteLayer(blobs, layerBytes);
            layerEntries.Add($$"""{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"{{digest}}","size":{{size}}}""");
            diffIds.Add($"\"{diffId}\"");
        }

        var config = Encoding.UTF8.GetBytes($$"""{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[{{string.Join(',', diffIds)}}]} }""");
        var configDigest = Put(blobs, config);
        var manifest = Encoding.UTF8.GetBytes(
            $$"""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"{{configDigest}}","size":{{config.Length}}},"layers":[{{string.Join(',', layerEntries)}}]}""");
        var manifestDigest = Put(blobs, manifest);
        File.WriteAllText(Path.Combine(layout, "oci-layout"), """{"imageLayoutVersion":"1.0.0"}""");
        File.WriteAllText(
            Path.Combine(layout, "index.json"),
            $$"""{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"{{manifestDigest}}","size":{{manifest.Length}},"annotations":{"org.opencontainers.image.ref.name":"{{tag}}"} }]}""");
    }

    private static (string Digest, long Size, string DiffId) WriteLayer(string blobs, long bytes)
    {
        var temporary = Path.Combine(blobs, "layer.tmp");
        using var uncompressed = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var file = File.Create(temporary))
        using (var gzip = new GZipStream(file, CompressionLevel.NoCompression))
        {
            var piece = new byte[1 << 20];
            for (var written = 0L; written < bytes; written += piece.Length)
            {
                var count = (int)Math.Min(piece.Length, bytes - written);
                Random.Shared.NextBytes(piece.AsSpan(0, count));
                uncompressed.AppendData(piece.AsSpan(0, count));
                gzip.Write(piece, 0, count);
            }
        }

        string digest;
        using (var file = File.OpenRead(temporary))
        {
            digest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(file));
        }

        var size = new FileInfo(temporary).Length;
        File.Move(temporary, Path.Combine(blobs, digest[7..]), overwrite: true);
        return (digest, size, "sha256:" + Convert.ToHexStringLower(uncompressed.GetHashAndReset()));
    }

    private static string Put(string blobs, byte[] content)
    {
        var digest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));
        File.WriteAllBytes(Path.Combine(blobs, digest[7..]), content);
        return digest;
    }
}
