using VeleroOpenShift.Errors;
using VeleroOpenShift.Registry;
using VeleroOpenShift.Tests.OpenStack;

namespace VeleroOpenShift.Tests.Registry;

/// <summary>Retries against a real registry behind a front that fails chosen requests; the policy's step is zero, so no test waits.</summary>
[Collection(RegistryServersCollection.Name)]
public sealed class RetryTests(RegistryServers servers) : IDisposable
{
    private readonly CapturedLogs _logs = new();
    private readonly TempDirectory _scratch = new();
    private readonly string _run = "t" + Guid.NewGuid().ToString("N")[..10];

    public void Dispose() => _scratch.Dispose();

    [SkippableFact]
    public async Task Answers_503_are_retried_until_the_registry_takes_the_manifest()
    {
        var source = Push(layerSize: 30_000);
        using var front = new FlakyRegistryFront(RegistryServers.Open2);
        front.Answer503("PUT", "/manifests/", 2);
        var destination = $"docker://{front.Address}/{_run}/retried:v1";

        var result = await CopyAsync(source, destination, new ImageCopyOptions { Retry = new RetryPolicy(3, TimeSpan.Zero) });

        Assert.Equal(2, front.Failed);
        Assert.Equal(Skopeo.Digest(source), result.Digest);
        Assert.Equal(result.Digest, Skopeo.Digest($"docker://{RegistryServers.Open2}/{_run}/retried:v1"));
        Assert.Contains(_logs.Lines, line => line.Contains("HTTP 503", StringComparison.Ordinal) && line.Contains("attempt 1 of 3", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task A_blob_upload_whose_chunk_fails_starts_again_and_arrives_intact()
    {
        var source = Push(layerSize: 400_000);
        using var front = new FlakyRegistryFront(RegistryServers.Open2);
        front.Answer503("PATCH", "/blobs/uploads/", 1);
        var destination = $"docker://{front.Address}/{_run}/resumed:v1";

        var result = await CopyAsync(source, destination, new ImageCopyOptions { Retry = new RetryPolicy(3, TimeSpan.Zero), ChunkSize = 64 * 1024 });

        Assert.Equal(1, front.Failed);
        Assert.Equal(Skopeo.Digest(source), result.Digest);
        Skopeo.Pull($"docker://{RegistryServers.Open2}/{_run}/resumed:v1", _scratch.Sub("pulled"));
        Assert.Contains(_logs.Lines, line => line.Contains("Copy of blob", StringComparison.Ordinal) && line.Contains("retrying", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task When_every_attempt_fails_the_last_failure_names_the_image_and_the_manifest()
    {
        Push(layerSize: 30_000);
        using var front = new FlakyRegistryFront(RegistryServers.Open1);
        front.Answer503("GET", "/manifests/", 10);
        var source = $"docker://{front.Address}/{_run}/app:v1";

        var failure = await Assert.ThrowsAsync<RegistryException>(
            () => CopyAsync(source, $"docker://{RegistryServers.Open2}/{_run}/never:v1", new ImageCopyOptions { Retry = new RetryPolicy(3, TimeSpan.Zero) }));

        Assert.Equal(3, front.Failed);
        Assert.Equal((FailureKind.RemoteFailure, 503, "manifest"), (failure.Kind, failure.StatusCode, failure.Field));
        Assert.Equal(source, failure.Image);
    }

    private async Task<ImageCopyResult> CopyAsync(string source, string destination, ImageCopyOptions options)
    {
        using var copier = new ContainerImageCopier(options, _logs, TimeProvider.System);
        var open = RegistryAccess.Anonymous with { SkipTlsVerify = true };
        return await copier.CopyAsync(source, open, destination, open, null, CancellationToken.None);
    }

    private string Push(long layerSize)
    {
        Skip.If(servers.Unavailable is not null, servers.Unavailable);
        var layout = new OciLayout(_scratch.Sub("layout-" + Guid.NewGuid().ToString("N")));
        layout.Tag("v1", layout.AddImage(docker: false, "amd64", layers: 2, layerSize));
        var reference = $"docker://{RegistryServers.Open1}/{_run}/app:v1";
        Skopeo.Push(layout, "v1", reference);
        return reference;
    }
}
