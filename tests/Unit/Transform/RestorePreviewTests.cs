using System.Text.Json.Nodes;
using VeleroOpenShift.Tests.Velero;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Transform;

namespace VeleroOpenShift.Tests.Transform;

public sealed class RestorePreviewTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("preview-").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    private static VeleroRestore Restore(string spec) => new(JsonNode.Parse($$"""{"metadata":{"name":"r1"},"spec":{{spec}}}""")!.AsObject());

    private static MemoryStream Backup() => TestArchive.Build(
        ("metadata/version", "1.1.0"),
        ("resources/pods/namespaces/shop/web.json", """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","namespace":"shop","labels":{"app":"web"}}}"""),
        ("resources/pods/v1-preferredversion/namespaces/shop/web.json", """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","namespace":"shop","labels":{"app":"web"}}}"""),
        ("resources/pods/namespaces/other/db.json", """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"db","namespace":"other"}}"""),
        ("resources/secrets/namespaces/shop/token.json", """{"apiVersion":"v1","kind":"Secret","metadata":{"name":"token","namespace":"shop"}}"""),
        ("resources/configmaps/namespaces/shop/settings.json", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"settings","namespace":"shop"}}"""),
        ("resources/persistentvolumes/cluster/pv-1.json", """{"apiVersion":"v1","kind":"PersistentVolume","metadata":{"name":"pv-1"}}"""),
        ("resources/storageclasses.storage.k8s.io/cluster/fast.json", """{"apiVersion":"storage.k8s.io/v1","kind":"StorageClass","metadata":{"name":"fast"}}"""),
        ("resources/events/namespaces/shop/e1.json", """{"apiVersion":"v1","kind":"Event","metadata":{"name":"e1","namespace":"shop"}}"""));

    private async Task<RestorePreviewSummary> Run(VeleroRestore restore, List<string>? seen = null)
    {
        var preview = new RestorePreview(new ItemTransformer(TestActions.Catalog(), PluginServices.Default));
        using var archive = Backup();
        return await preview.RunAsync(archive, "backup.tar.gz", restore, _output, item => seen?.Add($"{item.Entry.Resource}/{item.Entry.Name}:{item.Outcome.ToString().ToLowerInvariant()}"), null, CancellationToken.None);
    }

    [Fact]
    public async Task Writes_the_manifests_a_restore_would_create_under_the_mapped_namespace()
    {
        var seen = new List<string>();

        var summary = await Run(Restore("""{"namespaceMapping":{"shop":"shop-copy"}}"""), seen);

        Assert.Equal(["pods/web:created", "pods/db:created", "secrets/token:skipped", "configmaps/settings:created", "persistentvolumes/pv-1:created", "storageclasses.storage.k8s.io/fast:created", "events/e1:filtered"], seen);
        Assert.Equal((5, 1, 1, 2), (summary.Created, summary.Skipped, summary.Filtered, summary.Changed));
        Assert.Equal(2, summary.ByKind["Pod"].Changed);
        Assert.Equal(1, summary.ByKind["Secret"].Skipped);
        var web = JsonNode.Parse(File.ReadAllText(Path.Combine(_output, "shop-copy", "pods", "web.json")))!;
        Assert.Equal("shop-copy", (string?)web["metadata"]!["namespace"]);
        Assert.Equal("shop", (string?)web["metadata"]!["annotations"]!["first"]);
        Assert.True(File.Exists(Path.Combine(_output, "other", "pods", "db.json")));
        Assert.True(File.Exists(Path.Combine(_output, "_cluster", "persistentvolumes", "pv-1.json")));
        Assert.False(Directory.Exists(Path.Combine(_output, "shop-copy", "secrets")));
    }

    [Fact]
    public async Task A_failing_action_fails_its_item_and_the_preview_goes_on()
    {
        var catalog = new PluginCatalog([PluginRegistration.RestoreItemAction("test.io/fails-on-pods", PluginFamily.OpenShift, ResourceSelector.ForResources("pods"), "fails", _ => new FailOnPods())]);
        var preview = new RestorePreview(new ItemTransformer(catalog, PluginServices.Default));
        var items = new List<RestorePreviewItem>();
        using var archive = Backup();

        var summary = await preview.RunAsync(archive, "backup.tar.gz", Restore("{}"), _output, items.Add, null, CancellationToken.None);

        Assert.Equal(2, summary.Failed);
        var failed = items.First(i => i.Outcome == RestorePreviewOutcome.Failed);
        Assert.Equal("Pod/shop/web: field spec.containers: must be an array, got null", failed.Error!.Message);
        Assert.Equal(RestorePreviewOutcome.Created, items.Single(i => i.Entry.Name == "settings").Outcome);
    }

    [Fact]
    public async Task Broken_items_of_the_archive_are_counted_and_reported()
    {
        var preview = new RestorePreview(new ItemTransformer(new PluginCatalog([]), PluginServices.Default));
        var reported = new List<string>();
        using var archive = TestArchive.Build(("resources/pods/namespaces/shop/bad.json", "{"), ("resources/pods/namespaces/shop/web.json", """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","namespace":"shop"}}"""));

        var summary = await preview.RunAsync(archive, "backup.tar.gz", Restore("{}"), _output, null, e => reported.Add(e.Target!), CancellationToken.None);

        Assert.Equal((1, 1), (summary.Invalid, summary.Created));
        Assert.Equal(["pods/shop/bad"], reported);
    }

    private sealed class FailOnPods : VeleroOpenShift.Velero.Contracts.IRestoreItemAction
    {
        public Task<VeleroOpenShift.Velero.Contracts.RestoreItemActionResult> ExecuteAsync(JsonObject item, JsonObject itemFromBackup, VeleroRestore restore, CancellationToken cancellationToken) =>
            throw new VeleroOpenShift.Errors.InvalidItemException(VeleroOpenShift.Kube.ItemReference.Of(item), "spec.containers", "must be an array, got null");
    }

    [Fact]
    public async Task Applies_the_restore_filters()
    {
        var seen = new List<string>();

        await Run(Restore("""{"includedNamespaces":["shop"],"excludedResources":["configmaps"],"labelSelector":{"matchLabels":{"app":"web"}}}"""), seen);

        Assert.Contains("pods/web:created", seen);
        Assert.Contains("pods/db:filtered", seen);
        Assert.Contains("configmaps/settings:filtered", seen);
        Assert.Contains("secrets/token:filtered", seen);
        // With a namespace list, cluster-scoped items are restored only when they are persistent volumes.
        Assert.Contains("storageclasses.storage.k8s.io/fast:filtered", seen);
    }

    [Fact]
    public async Task Include_cluster_resources_false_restores_no_cluster_scoped_item()
    {
        var seen = new List<string>();

        await Run(Restore("""{"includeClusterResources":false}"""), seen);

        Assert.Contains("persistentvolumes/pv-1:filtered", seen);
        Assert.Contains("storageclasses.storage.k8s.io/fast:filtered", seen);
        Assert.Contains("pods/web:created", seen);
    }
}
