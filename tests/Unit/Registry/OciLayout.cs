using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using VeleroOpenShift.Registry;

namespace VeleroOpenShift.Tests.Registry;

/// <summary>
/// Writes test images as an OCI image layout on disk (the directory skopeo's <c>oci:</c> transport reads): random
/// gzip layers, configs with real diff ids, image manifests in OCI or Docker schema 2 form, and indexes or manifest
/// lists over several platforms. Layers are written and hashed in pieces, never held whole.
/// </summary>
internal sealed class OciLayout
{
    private readonly JsonArray _tags = [];
    private readonly Dictionary<string, Descriptor> _tagged = new(StringComparer.Ordinal);

    public OciLayout(string path)
    {
        Path = path;
        Directory.CreateDirectory(System.IO.Path.Combine(path, "blobs", "sha256"));
        File.WriteAllText(System.IO.Path.Combine(path, "oci-layout"), """{"imageLayoutVersion":"1.0.0"}""");
        WriteIndex();
    }

    public string Path { get; }

    /// <summary>The skopeo source reference of a tag: <c>oci:</c> for OCI-typed images, a <c>dir:</c> export for Docker-typed ones.</summary>
    public string SourceOf(string tag)
    {
        var top = _tagged[tag];
        return top.MediaType.StartsWith("application/vnd.docker.", StringComparison.Ordinal) ? ExportDirectory(top) : $"oci:{Path}:{tag}";
    }

    /// <summary>An image of <paramref name="layers"/> random layers of <paramref name="layerSize"/> bytes each.</summary>
    public Descriptor AddImage(bool docker, string architecture, int layers, long layerSize)
    {
        var layerDescriptors = new JsonArray();
        var diffIds = new JsonArray();
        for (var i = 0; i < layers; i++)
        {
            var (layer, diffId) = AddLayer(docker, layerSize);
            layerDescriptors.Add(ToJson(layer));
            diffIds.Add(diffId);
        }

        var config = new JsonObject
        {
            ["architecture"] = architecture,
            ["os"] = "linux",
            ["config"] = new JsonObject { ["Cmd"] = new JsonArray("/hello") },
            ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = diffIds },
        };
        var configDescriptor = AddBlob(
            Encoding.UTF8.GetBytes(config.ToJsonString()),
            docker ? "application/vnd.docker.container.image.v1+json" : "application/vnd.oci.image.config.v1+json");
        var manifest = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = docker ? ManifestMediaTypes.DockerManifest : ManifestMediaTypes.OciManifest,
            ["config"] = ToJson(configDescriptor),
            ["layers"] = layerDescriptors,
        };
        return AddBlob(Encoding.UTF8.GetBytes(manifest.ToJsonString()), manifest["mediaType"]!.GetValue<string>());
    }

    /// <summary>An index (or Docker manifest list) over images, one per architecture.</summary>
    public Descriptor AddIndex(bool docker, IReadOnlyList<(Descriptor Manifest, string Architecture)> images)
    {
        var manifests = new JsonArray();
        foreach (var (manifest, architecture) in images)
        {
            var entry = ToJson(manifest);
            entry["platform"] = new JsonObject { ["architecture"] = architecture, ["os"] = "linux" };
            manifests.Add(entry);
        }

        var index = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = docker ? ManifestMediaTypes.DockerManifestList : ManifestMediaTypes.OciIndex,
            ["manifests"] = manifests,
        };
        return AddBlob(Encoding.UTF8.GetBytes(index.ToJsonString()), index["mediaType"]!.GetValue<string>());
    }

    public void Tag(string tag, Descriptor manifest)
    {
        _tagged[tag] = manifest;
        var entry = ToJson(manifest);
        entry["annotations"] = new JsonObject { ["org.opencontainers.image.ref.name"] = tag };
        _tags.Add(entry);
        WriteIndex();
    }

    /// <summary>
    /// skopeo's <c>oci:</c> transport finds only OCI-typed tags, so Docker-typed images go through its <c>dir:</c>
    /// transport: the top manifest as <c>manifest.json</c>, platform manifests as <c>&lt;hex&gt;.manifest.json</c>,
    /// every blob under its hex digest. Returns the <c>dir:</c> reference.
    /// </summary>
    public string ExportDirectory(Descriptor top)
    {
        var directory = Path + ".dir";
        Directory.CreateDirectory(directory);
        File.WriteAllText(System.IO.Path.Combine(directory, "version"), "Directory Transport Version: 1.1\n");
        File.Copy(BlobPath(top.Digest), System.IO.Path.Combine(directory, "manifest.json"), overwrite: true);
        var manifest = ImageManifest.Parse(File.ReadAllBytes(BlobPath(top.Digest)), top.MediaType, top.Digest);
        foreach (var child in manifest.Children)
        {
            File.Copy(BlobPath(child.Digest), System.IO.Path.Combine(directory, child.Hex + ".manifest.json"), overwrite: true);
            var childManifest = ImageManifest.Parse(File.ReadAllBytes(BlobPath(child.Digest)), child.MediaType, child.Digest);
            CopyBlobs(childManifest, directory);
        }

        CopyBlobs(manifest, directory);
        return "dir:" + directory;
    }

    private void CopyBlobs(ImageManifest manifest, string directory)
    {
        foreach (var blob in manifest.Blobs)
        {
            File.Copy(BlobPath(blob.Digest), System.IO.Path.Combine(directory, blob.Hex), overwrite: true);
        }
    }

    private Descriptor AddBlob(byte[] content, string mediaType)
    {
        var digest = ImageManifest.DigestOf(content);
        File.WriteAllBytes(BlobPath(digest), content);
        return new Descriptor(mediaType, digest, content.Length);
    }

    private (Descriptor Layer, string DiffId) AddLayer(bool docker, long size)
    {
        var temporary = System.IO.Path.Combine(Path, "layer.tmp");
        using var uncompressed = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var file = File.Create(temporary))
        using (var gzip = new GZipStream(file, CompressionLevel.NoCompression))
        {
            var piece = new byte[1024 * 1024];
            for (var written = 0L; written < size; written += piece.Length)
            {
                var count = (int)Math.Min(piece.Length, size - written);
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

        var length = new FileInfo(temporary).Length;
        File.Move(temporary, BlobPath(digest), overwrite: true);
        var mediaType = docker ? "application/vnd.docker.image.rootfs.diff.tar.gzip" : "application/vnd.oci.image.layer.v1.tar+gzip";
        return (new Descriptor(mediaType, digest, length), "sha256:" + Convert.ToHexStringLower(uncompressed.GetHashAndReset()));
    }

    private string BlobPath(string digest) => System.IO.Path.Combine(Path, "blobs", "sha256", digest["sha256:".Length..]);

    private void WriteIndex() =>
        File.WriteAllText(
            System.IO.Path.Combine(Path, "index.json"),
            new JsonObject { ["schemaVersion"] = 2, ["manifests"] = _tags.DeepClone() }.ToJsonString());

    private static JsonObject ToJson(Descriptor descriptor) =>
        new() { ["mediaType"] = descriptor.MediaType, ["digest"] = descriptor.Digest, ["size"] = descriptor.Size };
}
