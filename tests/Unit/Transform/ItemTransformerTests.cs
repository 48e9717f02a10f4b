using System.Text.Json.Nodes;
using VeleroOpenShift.Kube;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Transform;

namespace VeleroOpenShift.Tests.Transform;

public sealed class ItemTransformerTests
{
    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    private static readonly VeleroRestore Restore = new(Parse("""{"metadata":{"name":"r1"},"spec":{"backupName":"b1","namespaceMapping":{"shop":"shop-copy"}}}"""));

    private const string Pod = """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","namespace":"shop","uid":"u1","resourceVersion":"9","ownerReferences":[{"kind":"ReplicaSet"}],"labels":{"app":"web"},"x-extra":1},"spec":{"nodeName":"n1"},"status":{"phase":"Running"}}""";

    [Fact]
    public async Task Restore_prepares_the_item_runs_actions_in_order_and_maps_the_namespace_last()
    {
        var transformer = new ItemTransformer(TestActions.Catalog(), PluginServices.Default);
        var fromBackup = Parse(Pod);

        var result = await transformer.RestoreAsync(fromBackup, Restore, CancellationToken.None);

        Assert.Equal(["test.io/01-annotate-restore", "test.io/04-annotate-again"], result.Actions.Select(a => a.Plugin));
        // Actions see the source namespace; the mapping is applied after them.
        Assert.Equal("shop", (string?)result.Item["metadata"]!["annotations"]!["first"]);
        Assert.Equal("shop-copy", (string?)result.Item["metadata"]!["namespace"]);
        Assert.Null(result.Item["status"]);
        Assert.Null(result.Item["metadata"]!["uid"]);
        Assert.Null(result.Item["metadata"]!["ownerReferences"]);
        Assert.Equal(1, (int?)result.Item["metadata"]!["x-extra"]);
        Assert.Equal(["metadata.annotations"], result.Actions[0].ChangedPaths);
        Assert.Equal(["metadata.annotations.second"], result.Actions[1].ChangedPaths);
        Assert.True(result.Changed);
        Assert.Equal(Pod, KubeJson.Serialize(fromBackup));
    }

    [Fact]
    public async Task Skip_restore_stops_the_chain_and_keeps_the_source_namespace()
    {
        var transformer = new ItemTransformer(TestActions.Catalog(), PluginServices.Default);

        var result = await transformer.RestoreAsync(Parse("""{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s","namespace":"shop"}}"""), Restore, CancellationToken.None);

        Assert.True(result.SkipRestore);
        Assert.Equal(["test.io/02-skip-secrets"], result.Actions.Select(a => a.Plugin));
        Assert.Equal("shop", (string?)result.Item["metadata"]!["namespace"]);
    }

    [Fact]
    public async Task V2_actions_report_their_operation_and_only_plugins_restricts_the_chain()
    {
        var transformer = new ItemTransformer(TestActions.Catalog(), PluginServices.Default, new HashSet<string> { "test.io/03-operation" });

        var result = await transformer.RestoreAsync(Parse("""{"apiVersion":"v1","kind":"Service","metadata":{"name":"web","namespace":"shop"}}"""), Restore, CancellationToken.None);

        var outcome = Assert.Single(result.Actions);
        Assert.Equal("op-1", outcome.OperationId);
        Assert.False(outcome.Changed);
    }

    [Fact]
    public async Task A_mapped_namespace_object_is_renamed_and_other_cluster_scoped_items_are_not()
    {
        var transformer = new ItemTransformer(new PluginCatalog([]), PluginServices.Default);

        var ns = await transformer.RestoreAsync(Parse("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"shop"}}"""), Restore, CancellationToken.None);
        var pv = await transformer.RestoreAsync(Parse("""{"apiVersion":"v1","kind":"PersistentVolume","metadata":{"name":"shop"}}"""), Restore, CancellationToken.None);

        Assert.Equal("shop-copy", (string?)ns.Item["metadata"]!["name"]);
        Assert.Equal("shop", (string?)pv.Item["metadata"]!["name"]);
        Assert.Null(pv.Item["metadata"]!["namespace"]);
    }

    [Fact]
    public async Task Per_item_tracking_tells_only_whether_the_item_changed()
    {
        var transformer = new ItemTransformer(TestActions.Catalog(), PluginServices.Default, tracking: ChangeTracking.PerItem);

        var pod = await transformer.RestoreAsync(Parse(Pod), Restore, CancellationToken.None);
        var service = await transformer.RestoreAsync(Parse("""{"apiVersion":"v1","kind":"Service","metadata":{"name":"web","namespace":"shop","annotations":{"first":"shop"}}}"""), Restore, CancellationToken.None);

        Assert.True(pod.Changed);
        Assert.All(pod.Actions, a => Assert.Empty(a.ChangedPaths));
        Assert.False(service.Changed);
    }

    [Fact]
    public async Task Status_is_kept_for_resources_the_restore_names()
    {
        var restore = new VeleroRestore(Parse("""{"metadata":{"name":"r"},"spec":{"restoreStatus":{"includedResources":["pods"]}}}"""));
        var transformer = new ItemTransformer(new PluginCatalog([]), PluginServices.Default);

        var result = await transformer.RestoreAsync(Parse(Pod), restore, CancellationToken.None);

        Assert.Equal("Running", (string?)result.Item["status"]!["phase"]);
    }

    [Fact]
    public async Task Backup_runs_backup_actions_and_collects_additional_items()
    {
        var transformer = new ItemTransformer(TestActions.Catalog(), PluginServices.Default);
        var backup = new VeleroBackup(Parse("""{"metadata":{"name":"nightly"}}"""));

        var result = await transformer.BackupAsync(Parse(Pod), backup, CancellationToken.None);

        Assert.Equal("nightly", (string?)result.Item["metadata"]!["annotations"]!["backup"]);
        Assert.Equal("secrets/shop/pull", Assert.Single(result.AdditionalItems).ToString());
        Assert.Equal("Running", (string?)result.Item["status"]!["phase"]);
    }
}
