using VeleroOpenShift.Errors;
using VeleroOpenShift.Registry;
using VeleroOpenShift.Tests.OpenStack;

namespace VeleroOpenShift.Tests.Registry;

/// <summary>Copies between real Distribution registries, with skopeo writing what the engine reads and reading what it writes.</summary>
[Collection(RegistryServersCollection.Name)]
public sealed class RegistryCopyTests(RegistryServers servers) : IDisposable
{
    private readonly CapturedLogs _logs = new();
    private readonly TempDirectory _scratch = new();
    private readonly string _run = "t" + Guid.NewGuid().ToString("N")[..10];

    public void Dispose() => _scratch.Dispose();

    [SkippableFact]
    public async Task An_OCI_image_pushed_by_skopeo_is_copied_with_its_digest_and_skopeo_reads_the_copy()
    {
        var source = Push(docker: false, "v1", layers: 3);

        var result = await CopyAsync(source, $"docker://{RegistryServers.Open2}/{_run}/copy:v1");

        var expected = Skopeo.Digest(source);
        Assert.Equal(expected, result.Digest);
        Assert.Equal(ManifestMediaTypes.OciManifest, result.MediaType);
        Assert.Equal(expected, Skopeo.Digest($"docker://{RegistryServers.Open2}/{_run}/copy:v1"));
        Assert.Equal(4, result.BlobsUploaded);
        Skopeo.Pull($"docker://{RegistryServers.Open2}/{_run}/copy:v1", _scratch.Sub("pulled"));
    }

    [SkippableFact]
    public async Task A_Docker_schema_2_image_copied_by_skopeo_is_read_back_by_the_engine_with_the_same_digest()
    {
        var pushed = Push(docker: true, "v2", layers: 2);
        Skopeo.Copy(pushed, $"docker://{RegistryServers.Open2}/{_run}/by-skopeo:v2");

        var result = await CopyAsync($"docker://{RegistryServers.Open2}/{_run}/by-skopeo:v2", $"docker://{RegistryServers.Open1}/{_run}/back:v2");

        Assert.Equal(ManifestMediaTypes.DockerManifest, result.MediaType);
        Assert.Equal(Skopeo.Digest(pushed), result.Digest);
        Assert.Equal(result.Digest, Skopeo.Digest($"docker://{RegistryServers.Open1}/{_run}/back:v2"));
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_multi_architecture_index_is_copied_whole(bool docker)
    {
        Skip.If(servers.Unavailable is not null, servers.Unavailable);
        var layout = new OciLayout(_scratch.Sub("layout"));
        var amd64 = layout.AddImage(docker, "amd64", layers: 2, layerSize: 40_000);
        var arm64 = layout.AddImage(docker, "arm64", layers: 2, layerSize: 40_000);
        var index = layout.AddIndex(docker, [(amd64, "amd64"), (arm64, "arm64")]);
        layout.Tag("multi", index);
        var source = $"docker://{RegistryServers.Open1}/{_run}/multi:multi";
        Skopeo.Push(layout, "multi", source);

        var result = await CopyAsync(source, $"docker://{RegistryServers.Open2}/{_run}/multi:multi");

        Assert.Equal(index.Digest, result.Digest);
        Assert.Equal(3, result.Manifests);
        Assert.Equal(6, result.BlobsUploaded);
        Assert.Equal(index.Digest, Skopeo.Digest($"docker://{RegistryServers.Open2}/{_run}/multi:multi"));
        Assert.Equal(amd64.Digest, Skopeo.Digest($"docker://{RegistryServers.Open2}/{_run}/multi@{amd64.Digest}"));
        Assert.Equal(arm64.Digest, Skopeo.Digest($"docker://{RegistryServers.Open2}/{_run}/multi@{arm64.Digest}"));
        Skopeo.Pull($"docker://{RegistryServers.Open2}/{_run}/multi:multi", _scratch.Sub("pulled"));
    }

    [SkippableFact]
    public async Task A_second_copy_uploads_no_blob()
    {
        var source = Push(docker: false, "v1", layers: 3);
        var destination = $"docker://{RegistryServers.Open2}/{_run}/again:v1";
        var first = await CopyAsync(source, destination);

        var second = await CopyAsync(source, destination);

        Assert.Equal(4, first.BlobsUploaded);
        Assert.Equal(0, second.BlobsUploaded);
        Assert.Equal(0, second.BytesUploaded);
        Assert.Equal(4, second.BlobsSkipped);
        Assert.Equal(first.Digest, second.Digest);
    }

    [SkippableFact]
    public async Task A_copy_within_one_registry_mounts_the_blobs_instead_of_uploading_them()
    {
        var source = Push(docker: false, "v1", layers: 2);

        var result = await CopyAsync(source, $"docker://{RegistryServers.Open1}/{_run}/other-repository:v1");

        Assert.Equal(0, result.BlobsUploaded);
        Assert.Equal(3, result.BlobsMounted);
        Skopeo.Pull($"docker://{RegistryServers.Open1}/{_run}/other-repository:v1", _scratch.Sub("pulled"));
    }

    [SkippableFact]
    public async Task Blobs_larger_than_the_chunk_size_go_up_in_chunks_and_arrive_intact()
    {
        var source = Push(docker: false, "v1", layers: 2, layerSize: 700_000);

        var result = await CopyAsync(source, $"docker://{RegistryServers.Open2}/{_run}/chunked:v1", new ImageCopyOptions { ChunkSize = 128 * 1024 });

        Assert.Equal(Skopeo.Digest(source), result.Digest);
        Skopeo.Pull($"docker://{RegistryServers.Open2}/{_run}/chunked:v1", _scratch.Sub("pulled"));
    }

    [SkippableFact]
    public async Task A_missing_image_fails_naming_the_image_and_its_manifest()
    {
        Skip.If(servers.Unavailable is not null, servers.Unavailable);
        var missing = $"docker://{RegistryServers.Open1}/{_run}/absent:v1";

        var failure = await Assert.ThrowsAsync<RegistryException>(() => CopyAsync(missing, $"docker://{RegistryServers.Open2}/{_run}/absent:v1"));

        Assert.Equal(FailureKind.NotFound, failure.Kind);
        Assert.Equal(missing, failure.Image);
        Assert.Equal("manifest", failure.Field);
        Assert.Equal("MANIFEST_UNKNOWN", failure.RegistryCode);
    }

    [SkippableFact]
    public async Task A_copy_names_digests_by_reference_and_keeps_them()
    {
        var source = Push(docker: false, "v1", layers: 1);
        var digest = Skopeo.Digest(source);

        var result = await CopyAsync($"docker://{RegistryServers.Open1}/{_run}/app@{digest}", $"docker://{RegistryServers.Open2}/{_run}/by-digest");

        Assert.Equal(digest, result.Digest);
        Assert.Equal(digest, Skopeo.Digest($"docker://{RegistryServers.Open2}/{_run}/by-digest:latest"));
    }

    [SkippableFact]
    public async Task Progress_ends_with_every_blob_byte_done()
    {
        var source = Push(docker: false, "v1", layers: 2, layerSize: 200_000);
        var reports = new RecordingProgress();
        using var copier = new ContainerImageCopier(new ImageCopyOptions(), _logs, TimeProvider.System);
        var open = RegistryAccess.Anonymous with { SkipTlsVerify = true };

        var result = await copier.CopyAsync(source, open, $"docker://{RegistryServers.Open2}/{_run}/progress:v1", open, reports, CancellationToken.None);

        var last = reports.Last;
        Assert.NotNull(last);
        Assert.Equal((last.BytesToCopy, 3, 3), (last.BytesCopied, last.BlobsDone, last.BlobsTotal));
        Assert.Equal(result.BytesUploaded, last.BytesToCopy);
    }

    internal Task<ImageCopyResult> CopyAsync(string source, string destination, ImageCopyOptions? options = null) =>
        CopyAsync(source, RegistryAccess.Anonymous with { SkipTlsVerify = true }, destination, RegistryAccess.Anonymous with { SkipTlsVerify = true }, options);

    private async Task<ImageCopyResult> CopyAsync(string source, RegistryAccess sourceAccess, string destination, RegistryAccess destinationAccess, ImageCopyOptions? options)
    {
        using var copier = new ContainerImageCopier(options ?? new ImageCopyOptions(), _logs, TimeProvider.System);
        return await copier.CopyAsync(source, sourceAccess, destination, destinationAccess, null, CancellationToken.None);
    }

    /// <summary>Builds an image in a layout and pushes it with skopeo to the first registry; returns its reference there.</summary>
    private string Push(bool docker, string tag, int layers, long layerSize = 50_000)
    {
        Skip.If(servers.Unavailable is not null, servers.Unavailable);
        var layout = new OciLayout(_scratch.Sub("layout-" + Guid.NewGuid().ToString("N")));
        layout.Tag(tag, layout.AddImage(docker, "amd64", layers, layerSize));
        var reference = $"docker://{RegistryServers.Open1}/{_run}/app:{tag}";
        Skopeo.Push(layout, tag, reference);
        return reference;
    }

    /// <summary>Keeps the report with the most blobs done (reports from parallel transfers can arrive out of order).</summary>
    private sealed class RecordingProgress : IProgress<ImageCopyProgress>
    {
        private readonly Lock _gate = new();

        public ImageCopyProgress? Last { get; private set; }

        public void Report(ImageCopyProgress value)
        {
            lock (_gate)
            {
                if (Last is null || value.BlobsDone >= Last.BlobsDone)
                {
                    Last = value;
                }
            }
        }
    }
}
