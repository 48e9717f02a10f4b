using System.Text.Json.Nodes;
using Grpc.Core;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift.Cluster;
using VeleroOpenShift.OpenShift.Common;
using VeleroOpenShift.PluginShim.Tests.Infrastructure;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;
using VeleroOpenShift.Velero.Transform;
using Xunit;
using Generated = VeleroOpenShift.PluginShim.Protos.Generated;
using V1 = VeleroOpenShift.PluginShim.Protos.V1;
using V2 = VeleroOpenShift.PluginShim.Protos.V2;

namespace VeleroOpenShift.PluginShim.Tests.Services;

/// <summary>
/// Every registered OpenShift action, called through the shim's gRPC service exactly as Velero calls it,
/// answers what the engine answers when called directly: the same item, additional items and skip flag,
/// or the same error. Items come from the sample backup where it has one of the action's resources, and
/// are minimal objects otherwise; the cluster is the sample target cluster, offline.
/// </summary>
public sealed class OpenShiftActionsThroughShimTests
{
    private static readonly VeleroRestore Restore = VeleroRequests.Restore("restore", "openshift-adp", "backup", new Dictionary<string, string> { ["shop"] = "shop-restored" }, WorkflowKind.Oadp, null);
    private static readonly VeleroBackup Backup = VeleroRequests.Backup("backup", "openshift-adp", WorkflowKind.Oadp, null);

    private static readonly Lazy<IReadOnlyList<JsonObject>> SampleItems = new(() =>
        [.. Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "examples", "openshift-shop-backup", "resources"), "*.json", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(file => JsonNode.Parse(File.ReadAllText(file))!.AsObject())]);

    public static TheoryData<string, string> Actions()
    {
        var data = new TheoryData<string, string>();
        foreach (var registration in PluginCatalog.Default.Registrations.Where(r => r.Family == PluginFamily.OpenShift))
        {
            data.Add(registration.Kind.WireName(), registration.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task Answers_through_grpc_what_the_engine_answers(string kind, string name)
    {
        var registration = PluginCatalog.Default.Registrations.Single(r => r.Kind.WireName() == kind && r.Name == name);
        var fromBackup = ItemFor(registration);
        var item = registration.Kind.IsRestoreAction()
            ? RestoreItemPreparer.Prepare(fromBackup, Restore, ResourceTypeCatalog.Default.ForKind(GroupResource.GroupOfApiVersion((string?)fromBackup["apiVersion"]), (string)fromBackup["kind"]!).GroupResource)
            : fromBackup;

        var expected = await Direct(registration, item.DeepClone().AsObject(), fromBackup);
        await using var server = await ShimServer.StartAsync(PluginCatalog.Default, cluster: await TargetCluster());
        var actual = await ThroughShim(server, registration, item, fromBackup);

        Assert.Equal(expected.Error, actual.Error);
        Assert.True(JsonNode.DeepEquals(expected.Item, actual.Item), $"{name}: {expected.Item?.ToJsonString()} != {actual.Item?.ToJsonString()}");
        Assert.Equal(expected.Additional, actual.Additional);
        Assert.Equal(expected.Skip, actual.Skip);
    }

    private sealed record Answer(JsonNode? Item, string Additional, bool Skip, string? Error);

    private static async Task<Answer> Direct(PluginRegistration registration, JsonObject item, JsonObject fromBackup)
    {
        var services = PluginServices.Default with { Cluster = await TargetCluster() };
        try
        {
            return registration.Kind switch
            {
                PluginKind.BackupItemAction => Of(await registration.Create<IBackupItemAction>(services).ExecuteAsync(item, Backup, CancellationToken.None)),
                PluginKind.RestoreItemAction => Of2(await registration.Create<IRestoreItemAction>(services).ExecuteAsync(item, fromBackup, Restore, CancellationToken.None)),
                PluginKind.RestoreItemActionV2 => Of2(await registration.Create<IRestoreItemActionV2>(services).ExecuteAsync(item, fromBackup, Restore, CancellationToken.None)),
                PluginKind.ItemBlockAction => new Answer(null, Join(await registration.Create<IItemBlockAction>(services).GetRelatedItemsAsync(item, Backup, CancellationToken.None)), false, null),
                _ => throw new InvalidOperationException($"{registration} is not an item action"),
            };
        }
        catch (VeleroOpenShiftException failure)
        {
            return new Answer(null, string.Empty, false, failure.Message);
        }

        static Answer Of(BackupItemActionResult result) => new(result.Item, Join(result.AdditionalItems), false, null);

        static Answer Of2(RestoreItemActionResult result) => new(result.Item, Join(result.AdditionalItems), result.SkipRestore, null);
    }

    private static async Task<Answer> ThroughShim(ShimServer server, PluginRegistration registration, JsonObject item, JsonObject fromBackup)
    {
        var channel = server.Channel;
        try
        {
            switch (registration.Kind)
            {
                case PluginKind.BackupItemAction:
                    var backup = await new Generated.BackupItemAction.BackupItemActionClient(channel).ExecuteAsync(new Generated.ExecuteRequest
                    {
                        Plugin = registration.Name, Item = Items.Bytes(item.ToJsonString()), Backup = Items.Bytes(Backup.Json.ToJsonString()),
                    });
                    return new Answer(Items.Parse(backup.Item), Join(backup.AdditionalItems), false, null);
                case PluginKind.RestoreItemAction:
                    var restore = await new Generated.RestoreItemAction.RestoreItemActionClient(channel).ExecuteAsync(new Generated.RestoreItemActionExecuteRequest
                    {
                        Plugin = registration.Name, Item = Items.Bytes(item.ToJsonString()), ItemFromBackup = Items.Bytes(fromBackup.ToJsonString()), Restore = Items.Bytes(Restore.Json.ToJsonString()),
                    });
                    return new Answer(Items.Parse(restore.Item), Join(restore.AdditionalItems), restore.SkipRestore, null);
                case PluginKind.RestoreItemActionV2:
                    var restoreV2 = await new V2.RestoreItemAction.RestoreItemActionClient(channel).ExecuteAsync(new V2.RestoreItemActionExecuteRequest
                    {
                        Plugin = registration.Name, Item = Items.Bytes(item.ToJsonString()), ItemFromBackup = Items.Bytes(fromBackup.ToJsonString()), Restore = Items.Bytes(Restore.Json.ToJsonString()),
                    });
                    return new Answer(Items.Parse(restoreV2.Item), Join(restoreV2.AdditionalItems), restoreV2.SkipRestore, null);
                case PluginKind.ItemBlockAction:
                    var related = await new V1.ItemBlockAction.ItemBlockActionClient(channel).GetRelatedItemsAsync(new V1.ItemBlockActionGetRelatedItemsRequest
                    {
                        Plugin = registration.Name, Item = Items.Bytes(item.ToJsonString()), Backup = Items.Bytes(Backup.Json.ToJsonString()),
                    });
                    return new Answer(null, Join(related.RelatedItems), false, null);
                default:
                    throw new InvalidOperationException($"{registration} is not an item action");
            }
        }
        catch (RpcException failure) when (failure.StatusCode == StatusCode.Unknown)
        {
            // The shim prefixes the plugin's name; what follows is the engine's own message.
            var prefix = $"{registration.Kind.WireName()} plugin {registration.Name}: ";
            Assert.StartsWith(prefix, failure.Status.Detail, StringComparison.Ordinal);
            return new Answer(null, string.Empty, false, failure.Status.Detail[prefix.Length..]);
        }
    }

    /// <summary>An item from the sample backup the action applies to, else a minimal one of its first resource.</summary>
    private static JsonObject ItemFor(PluginRegistration registration)
    {
        if (SampleItems.Value.FirstOrDefault(i => registration.Matcher!.Matches(i)) is { } sample)
        {
            return sample.DeepClone().AsObject();
        }

        var resource = ResourceTypeCatalog.Default.Resolve(registration.AppliesTo!.IncludedResources[0])!.Value;
        var type = ResourceTypeCatalog.Default.Types.First(t => t.GroupResource == resource);
        var metadata = new JsonObject { ["name"] = "sample", ["uid"] = "0e0e0e0e-0000-4000-8000-000000000001" };
        if (type.Namespaced)
        {
            metadata["namespace"] = "shop";
        }

        return new JsonObject { ["apiVersion"] = type.Group.Length == 0 ? "v1" : $"{type.Group}/v1", ["kind"] = type.Kind, ["metadata"] = metadata };
    }

    private static async Task<OfflineClusterLookups> TargetCluster()
    {
        var objects = await ClusterObjectFiles.LoadAsync(Path.Combine(RepositoryPaths.Root, "examples", "target-cluster"), CancellationToken.None);
        return new OfflineClusterLookups(new ServerVersion(1, 29), "image-registry.openshift-image-registry.svc:5000", [Backup.Json, .. objects]);
    }

    private static string Join(IEnumerable<ResourceIdentifier> identifiers) => string.Join(";", identifiers.Select(i => i.ToString()));

    private static string Join(IEnumerable<Generated.ResourceIdentifier> identifiers) =>
        string.Join(";", identifiers.Select(i => new ResourceIdentifier(i.Group, i.Resource, i.Namespace, i.Name).ToString()));
}
