using System.Text.Json.Nodes;
using VeleroOpenShift.OpenShift;
using VeleroOpenShift.OpenShift.Cluster;
using VeleroOpenShift.OpenShift.Common;
using VeleroOpenShift.OpenShift.Images;
using VeleroOpenShift.PluginShim.Tests.Infrastructure;
using VeleroOpenShift.Registry;
using VeleroOpenShift.Tests.OpenStack.Integration;
using VeleroOpenShift.Tests.Registry;
using VeleroOpenShift.Velero;
using Xunit;
using Generated = VeleroOpenShift.PluginShim.Protos.Generated;

namespace VeleroOpenShift.PluginShim.Tests.Registry;

[CollectionDefinition(Name)]
public sealed class ShimRegistryServersCollection : ICollectionFixture<RegistryServers>, ICollectionFixture<OpenStackServers>
{
    public const string Name = "Registry and OpenStack servers through the shim";
}

/// <summary>
/// An ImageStream backed up and restored through the shim's gRPC services, as Velero calls them, with the images
/// copied between real registries: the source cluster's internal registry, an intermediate (migration) registry
/// or the backup storage location's Swift container, and the restore cluster's registry under the mapped namespace.
/// </summary>
[Collection(ShimRegistryServersCollection.Name)]
public sealed class ImageStreamThroughShimTests(RegistryServers registries, OpenStackServers openStack) : IDisposable
{
    private const string SourceRegistry = RegistryServers.Open1;
    private readonly string _directory = Directory.CreateTempSubdirectory("vos-shim-images-").FullName;
    private readonly string _namespace = "shop" + Guid.NewGuid().ToString("N")[..8];

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [SkippableFact]
    public async Task In_the_migration_workflow_images_go_through_the_migration_registry_to_the_mapped_namespace()
    {
        Skip.If(registries.Unavailable is not null, registries.Unavailable);
        var digest = PushImage();
        var backup = Request("Backup", new JsonObject(), migration: true);
        await using var server = await ShimServer.StartAsync(PluginCatalog.Default);

        var backedUp = await BackupAsync(server, Stream(), backup);

        Assert.Equal(RegistryServers.Open2, (string?)backedUp["metadata"]!["annotations"]![OpenShiftConstants.MigrationRegistry]);
        Assert.Equal(digest, Skopeo.Digest($"docker://{RegistryServers.Open2}/{_namespace}/app:v1"));

        var restore = Request("Restore", new JsonObject { ["backupName"] = "nightly", ["namespaceMapping"] = new JsonObject { [_namespace] = _namespace + "-restored" } }, migration: true);
        var skipped = await RestoreAsync(server, backedUp, restore);

        Assert.True(skipped);
        Assert.Equal(digest, Skopeo.Digest($"docker://{RegistryServers.Open1}/{_namespace}-restored/app:v1"));
    }

    [SkippableFact]
    public async Task With_OPENSHIFT_IMAGESTREAM_BACKUP_images_are_kept_in_the_backup_storage_location_and_restored_from_it()
    {
        Skip.If(registries.Unavailable is not null, registries.Unavailable);
        Skip.If(openStack.Unavailable is not null, openStack.Unavailable);
        var digest = PushImage();
        var probe = await SwiftProbe.KeystoneDemoAsync();
        var container = await probe.NewContainerAsync();
        var backup = Request("Backup", new JsonObject { ["storageLocation"] = "swift-bsl" }, migration: false);
        backup["metadata"]!["uid"] = "backup-" + _namespace;
        var location = JsonNode.Parse($$"""
            {"apiVersion":"velero.io/v1","kind":"BackupStorageLocation","metadata":{"name":"swift-bsl","namespace":"velero"},
             "spec":{"provider":"community.openstack.org/openstack","objectStorage":{"bucket":"{{container}}"},"config":{} } }
            """)!.AsObject();
        var cluster = new OfflineClusterLookups(objects: [location, backup.DeepClone().AsObject()]);
        var token = Path.Combine(_directory, "token");
        File.WriteAllText(token, "unused: the test registries do not challenge");
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["OS_AUTH_URL"] = OpenStackServers.KeystoneUrl, ["OS_USERNAME"] = KeystoneAdmin.DemoUser, ["OS_PASSWORD"] = KeystoneAdmin.DemoPassword,
            ["OS_PROJECT_NAME"] = "demo", ["OS_USER_DOMAIN_NAME"] = "Default", ["OS_PROJECT_DOMAIN_ID"] = "default",
        };
        await using var server = await ShimServer.StartAsync(PluginCatalog.Default, cluster: cluster, configure: options => options with
        {
            OpenShift = OpenShiftOptions.Default with { ImageStreamBackup = true },
            ImageCopier = services => new RegistryImageCopier(services.Cluster, services.LoggerFactory, services.Time, name => environment.GetValueOrDefault(name), new ImageCopyOptions(), token),
        });

        var backedUp = await BackupAsync(server, Stream(), backup);

        Assert.Equal("bsl://", (string?)backedUp["metadata"]!["annotations"]![OpenShiftConstants.MigrationRegistry]);
        Assert.Contains($"docker/registry/v2/repositories/{_namespace}/app/_manifests/tags/v1/current/link", await probe.NamesAsync(container));

        var restore = Request("Restore", new JsonObject { ["backupName"] = "nightly", ["namespaceMapping"] = new JsonObject { [_namespace] = _namespace + "-from-bsl" } }, migration: false);
        var skipped = await RestoreAsync(server, backedUp, restore);

        Assert.True(skipped);
        Assert.Equal(digest, Skopeo.Digest($"docker://{RegistryServers.Open1}/{_namespace}-from-bsl/app:v1"));
    }

    /// <summary>Pushes an image into the "internal registry" under the stream's repository; returns its digest.</summary>
    private string PushImage()
    {
        var layout = new OciLayout(Path.Combine(_directory, "layout"));
        layout.Tag("v1", layout.AddImage(docker: false, "amd64", layers: 2, layerSize: 40_000));
        var reference = $"docker://{SourceRegistry}/{_namespace}/app:v1";
        Skopeo.Push(layout, "v1", reference);
        return Skopeo.Digest(reference);
    }

    /// <summary>The stream as the cluster and Velero's common backup action leave it: one status tag with the pushed image.</summary>
    private JsonObject Stream()
    {
        var digest = Skopeo.Digest($"docker://{SourceRegistry}/{_namespace}/app:v1");
        return JsonNode.Parse($$"""
            {"apiVersion":"image.openshift.io/v1","kind":"ImageStream",
             "metadata":{"name":"app","namespace":"{{_namespace}}","annotations":{"openshift.io/backup-registry-hostname":"{{SourceRegistry}}"} },
             "spec":{"tags":[{"name":"v1"}]},
             "status":{"dockerImageRepository":"{{SourceRegistry}}/{{_namespace}}/app",
                       "tags":[{"tag":"v1","items":[{"dockerImageReference":"{{SourceRegistry}}/{{_namespace}}/app@{{digest}}","image":"{{digest}}"}]}]} }
            """)!.AsObject();
    }

    private static JsonObject Request(string kind, JsonObject spec, bool migration)
    {
        var metadata = new JsonObject { ["name"] = "nightly", ["namespace"] = "velero" };
        if (migration)
        {
            metadata["labels"] = new JsonObject { ["app.kubernetes.io/part-of"] = "openshift-migration" };
            metadata["annotations"] = new JsonObject { [OpenShiftConstants.MigrationRegistry] = RegistryServers.Open2 };
        }

        return new JsonObject { ["apiVersion"] = "velero.io/v1", ["kind"] = kind, ["metadata"] = metadata, ["spec"] = spec };
    }

    private static async Task<JsonObject> BackupAsync(ShimServer server, JsonObject stream, JsonObject backup)
    {
        var answer = await new Generated.BackupItemAction.BackupItemActionClient(server.Channel).ExecuteAsync(new Generated.ExecuteRequest
        {
            Plugin = "openshift.io/19-is-backup-plugin", Item = Items.Bytes(stream.ToJsonString()), Backup = Items.Bytes(backup.ToJsonString()),
        });
        return Items.Parse(answer.Item);
    }

    /// <summary>Restores the backed-up stream as Velero would: the working item carries the restore cluster's registry.</summary>
    private static async Task<bool> RestoreAsync(ShimServer server, JsonObject backedUp, JsonObject restore)
    {
        var working = backedUp.DeepClone().AsObject();
        working["metadata"]!["annotations"]!["openshift.io/restore-registry-hostname"] = SourceRegistry;
        var answer = await new Generated.RestoreItemAction.RestoreItemActionClient(server.Channel).ExecuteAsync(new Generated.RestoreItemActionExecuteRequest
        {
            Plugin = "openshift.io/19-is-restore-plugin",
            Item = Items.Bytes(working.ToJsonString()),
            ItemFromBackup = Items.Bytes(backedUp.ToJsonString()),
            Restore = Items.Bytes(restore.ToJsonString()),
        });
        return answer.SkipRestore;
    }
}
