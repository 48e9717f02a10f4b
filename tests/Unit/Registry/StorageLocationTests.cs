using System.Text;
using System.Text.Json.Nodes;
using VeleroOpenShift.OpenShift.Cluster;
using VeleroOpenShift.OpenShift.Images;
using VeleroOpenShift.OpenStack.Swift;
using VeleroOpenShift.Registry;
using VeleroOpenShift.Tests.OpenStack;
using VeleroOpenShift.Tests.OpenStack.Integration;

namespace VeleroOpenShift.Tests.Registry;

[CollectionDefinition(Name)]
public sealed class RegistryAndOpenStackServersCollection : ICollectionFixture<RegistryServers>, ICollectionFixture<OpenStackServers>
{
    public const string Name = "Registry and OpenStack servers";
}

/// <summary>
/// bsl:// through real Swift: the plugin's copier stores images in a backup storage location's container in the
/// Distribution layout and restores them from it; a real Distribution registry serves what it wrote, and it reads
/// what a real Distribution registry wrote (the layout the original plugin's embedded registry writes).
/// </summary>
[Collection(RegistryAndOpenStackServersCollection.Name)]
public sealed class StorageLocationTests(RegistryServers registries, OpenStackServers openStack) : IDisposable
{
    private const string Root = "docker/registry/v2";
    private readonly CapturedLogs _logs = new();
    private readonly TempDirectory _scratch = new();
    private readonly string _run = "t" + Guid.NewGuid().ToString("N")[..10];

    public void Dispose() => _scratch.Dispose();

    [SkippableFact]
    public async Task A_backup_stores_the_image_in_the_location_container_and_a_restore_pushes_it_with_its_digest()
    {
        var (probe, container) = await ArrangeAsync();
        var source = Push(multiArch: false);
        var digest = Skopeo.Digest(source);

        string stored;
        using (var backup = Copier(container))
        {
            var transport = await backup.OpenStorageLocationTransportAsync(new StorageLocationTransportRequest("backup-uid", "swift-bsl", "velero"), CancellationToken.None);
            Assert.StartsWith("udistribution-swift-", transport, StringComparison.Ordinal);
            var manifest = await backup.CopyAsync(
                new ImageCopyRequest($"docker://{RegistryServers.Open1}/{_run}/app@{digest}", $"{transport}://{_run}/app:v1", RegistryContext.InternalRegistry, RegistryContext.MigrationRegistry),
                CancellationToken.None);
            stored = ImageManifest.DigestOf(manifest);
        }

        Assert.Equal(digest, stored);
        Assert.Equal(digest, Encoding.ASCII.GetString(await probe.GetAsync(container, $"{Root}/repositories/{_run}/app/_manifests/tags/v1/current/link")));
        Assert.Equal(digest, Encoding.ASCII.GetString(await probe.GetAsync(container, $"{Root}/repositories/{_run}/app/_manifests/revisions/sha256/{digest[7..]}/link")));
        Assert.Contains($"{Root}/blobs/sha256/{digest[7..9]}/{digest[7..]}/data", await probe.NamesAsync(container));

        using (var restore = Copier(container))
        {
            var transport = await restore.OpenStorageLocationTransportAsync(new StorageLocationTransportRequest("restore-uid", "swift-bsl", "velero"), CancellationToken.None);
            await restore.CopyAsync(
                new ImageCopyRequest($"{transport}://{_run}/app@{digest}", $"docker://{RegistryServers.Open2}/{_run}-restored/app:v1", RegistryContext.MigrationRegistry, RegistryContext.InternalRegistry),
                CancellationToken.None);
        }

        Assert.Equal(digest, Skopeo.Digest($"docker://{RegistryServers.Open2}/{_run}-restored/app:v1"));
        Skopeo.Pull($"docker://{RegistryServers.Open2}/{_run}-restored/app:v1", _scratch.Sub("pulled"));
    }

    [SkippableFact]
    public async Task A_second_backup_of_the_image_uploads_no_blob_and_another_repository_links_the_stored_blobs()
    {
        var (_, container) = await ArrangeAsync();
        var source = Push(multiArch: false);
        using var store = await StoreFactory.InitAsync(_logs, StoreFactory.KeystoneDemo);
        using var copier = new ContainerImageCopier(new ImageCopyOptions(), _logs, TimeProvider.System);
        copier.AddStorageLocation("udistribution-swift-test", store, container);

        var first = await copier.CopyAsync(source, Open, $"udistribution-swift-test://{_run}/app:v1", RegistryAccess.Anonymous, null, CancellationToken.None);
        var second = await copier.CopyAsync(source, Open, $"udistribution-swift-test://{_run}/app:v1", RegistryAccess.Anonymous, null, CancellationToken.None);
        var other = await copier.CopyAsync(source, Open, $"udistribution-swift-test://{_run}/other:v1", RegistryAccess.Anonymous, null, CancellationToken.None);

        Assert.Equal(3, first.BlobsUploaded);
        Assert.Equal((0, 3), (second.BlobsUploaded, second.BlobsSkipped));
        Assert.Equal((0, 3), (other.BlobsUploaded, other.BlobsMounted));
    }

    [SkippableFact]
    public async Task A_Distribution_registry_serves_a_multi_architecture_image_the_engine_wrote_to_the_location()
    {
        var (probe, container) = await ArrangeAsync();
        var source = Push(multiArch: true);
        using var store = await StoreFactory.InitAsync(_logs, StoreFactory.KeystoneDemo);
        using (var copier = new ContainerImageCopier(new ImageCopyOptions(), _logs, TimeProvider.System))
        {
            copier.AddStorageLocation("udistribution-swift-test", store, container);
            await copier.CopyAsync(source, Open, $"udistribution-swift-test://{_run}/multi:v1", RegistryAccess.Anonymous, null, CancellationToken.None);
        }

        var root = _scratch.Sub("downloaded");
        foreach (var key in await probe.NamesAsync(container))
        {
            var file = Path.Combine(root, key);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllBytesAsync(file, await probe.GetAsync(container, key));
        }

        using var distribution = new ScratchRegistry(root);
        Assert.Equal(Skopeo.Digest(source), Skopeo.Digest($"docker://{distribution.Address}/{_run}/multi:v1"));
        Skopeo.Pull($"docker://{distribution.Address}/{_run}/multi:v1", _scratch.Sub("pulled"));
    }

    [SkippableFact]
    public async Task The_engine_restores_from_a_location_a_Distribution_registry_wrote()
    {
        var (_, container) = await ArrangeAsync();
        var source = Push(multiArch: true);
        var root = _scratch.Sub("written-by-distribution");
        Directory.CreateDirectory(root);
        using (var distribution = new ScratchRegistry(root))
        {
            Skopeo.Copy(source, $"docker://{distribution.Address}/{_run}/multi:v1");
        }

        using var store = await StoreFactory.InitAsync(_logs, StoreFactory.KeystoneDemo);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            await using var content = File.OpenRead(file);
            await store.PutObjectAsync(container, Path.GetRelativePath(root, file), content, CancellationToken.None);
        }

        using var copier = new ContainerImageCopier(new ImageCopyOptions(), _logs, TimeProvider.System);
        copier.AddStorageLocation("udistribution-swift-test", store, container);
        var result = await copier.CopyAsync(
            $"udistribution-swift-test://{_run}/multi:v1", RegistryAccess.Anonymous, $"docker://{RegistryServers.Open2}/{_run}-from-distribution/multi:v1", Open, null, CancellationToken.None);

        Assert.Equal(Skopeo.Digest(source), result.Digest);
        Assert.Equal(3, result.Manifests);
        Skopeo.Pull($"docker://{RegistryServers.Open2}/{_run}-from-distribution/multi:v1", _scratch.Sub("pulled"));
    }

    private static RegistryAccess Open => RegistryAccess.Anonymous with { SkipTlsVerify = true };

    private async Task<(SwiftProbe Probe, string Container)> ArrangeAsync()
    {
        Skip.If(registries.Unavailable is not null, registries.Unavailable);
        Skip.If(openStack.Unavailable is not null, openStack.Unavailable);
        var probe = await SwiftProbe.KeystoneDemoAsync();
        return (probe, await probe.NewContainerAsync());
    }

    /// <summary>The plugin's copier, with the backup storage location <c>velero/swift-bsl</c> naming the container.</summary>
    private RegistryImageCopier Copier(string container)
    {
        var location = JsonNode.Parse($$"""
            {"apiVersion":"velero.io/v1","kind":"BackupStorageLocation","metadata":{"name":"swift-bsl","namespace":"velero"},
             "spec":{"provider":"community.openstack.org/openstack","objectStorage":{"bucket":"{{container}}"},"config":{} } }
            """)!.AsObject();
        var cluster = new OfflineClusterLookups(objects: [location]);
        var environment = StoreFactory.KeystoneDemo.ToDictionary(v => v.Item1, v => v.Item2, StringComparer.Ordinal);
        var token = _scratch.Write("token", "unused: the test registries do not challenge");
        return new RegistryImageCopier(cluster, _logs, TimeProvider.System, name => environment.GetValueOrDefault(name), new ImageCopyOptions(), token);
    }

    private string Push(bool multiArch)
    {
        var layout = new OciLayout(_scratch.Sub("layout-" + Guid.NewGuid().ToString("N")));
        var amd64 = layout.AddImage(docker: multiArch, "amd64", layers: 2, layerSize: 40_000);
        layout.Tag("v1", multiArch ? layout.AddIndex(docker: true, [(amd64, "amd64"), (layout.AddImage(docker: true, "arm64", 2, 40_000), "arm64")]) : amd64);
        var reference = $"docker://{RegistryServers.Open1}/{_run}/app:v1";
        Skopeo.Push(layout, "v1", reference);
        return reference;
    }
}
