using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.Tests.OpenShift;

/// <summary>
/// Items through every restore action that applies to them, in registration order, as Velero runs them:
/// the workload actions depend on what 01-common writes earlier in the same pass.
/// </summary>
public sealed class RestorePipelineTests
{
    private static async Task<(JsonObject Item, bool Skipped, List<string> Ran)> RestoreAsync(JsonObject item)
    {
        var cluster = FixtureRunner.BuildCluster(Json.O("{'serverVersion':'1.29','registryHostname':'new-reg:5000','objects':[{'apiVersion':'v1','kind':'Namespace','metadata':{'name':'dst'}}]}"));
        var services = new PluginServices(NullLoggerFactory.Instance, new FakeTimeProvider()) { Cluster = cluster };
        var restore = FixtureRunner.Restore(Json.O("{'spec':{'namespaceMapping':{'src':'dst'}}}"));
        var fromBackup = (JsonObject)item.DeepClone();
        var ran = new List<string>();
        foreach (var registration in PluginCatalog.Default.ActionsFor(item, PluginKind.RestoreItemAction, PluginKind.RestoreItemActionV2))
        {
            ran.Add(registration.Name);
            var result = registration.Kind == PluginKind.RestoreItemAction
                ? await registration.Create<IRestoreItemAction>(services).ExecuteAsync(item, fromBackup, restore, CancellationToken.None)
                : await registration.Create<IRestoreItemActionV2>(services).ExecuteAsync(item, fromBackup, restore, CancellationToken.None);
            item = result.Item;
            if (result.SkipRestore)
            {
                return (item, true, ran);
            }
        }

        return (item, false, ran);
    }

    [Fact]
    public async Task ADeploymentGetsTheRestoreRegistryWrittenByTheCommonAction()
    {
        var (item, skipped, ran) = await RestoreAsync(Json.O("""
            {'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web','namespace':'src','annotations':{'openshift.io/backup-registry-hostname':'old-reg:5000'}},
             'spec':{'template':{'spec':{'containers':[{'name':'web','image':'old-reg:5000/src/web:1'}]}}}}
            """));
        Assert.False(skipped);
        Assert.Equal(["openshift.io/01-common-restore-plugin", "openshift.io/13-deployment-restore-plugin"], ran);
        Assert.Equal("new-reg:5000/dst/web:1", item["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnOpenShiftRoleBindingMeetsOnlyItsOwnAction()
    {
        var (_, skipped, ran) = await RestoreAsync(Json.O("{'apiVersion':'authorization.openshift.io/v1','kind':'RoleBinding','metadata':{'name':'system:deployers','namespace':'src'}}"));
        Assert.True(skipped);
        Assert.Equal(["openshift.io/21-role-bindings-restore-plugin"], ran);
    }

    [Fact]
    public async Task AnRbacRoleBindingMeetsTheLaterRbacAction()
    {
        var (_, skipped, ran) = await RestoreAsync(Json.O("{'apiVersion':'rbac.authorization.k8s.io/v1','kind':'RoleBinding','metadata':{'name':'system:image-pullers','namespace':'src'}}"));
        Assert.True(skipped);
        Assert.Equal(["openshift.io/27-rbac-role-bindings-restore-plugin"], ran);
    }

    [Fact]
    public async Task AReplicationControllerMeetsTheCommonActionDespiteTheSingularName()
    {
        var (_, skipped, ran) = await RestoreAsync(Json.O("{'apiVersion':'v1','kind':'ReplicationController','metadata':{'name':'web-1','namespace':'src','ownerReferences':[{'kind':'DeploymentConfig','name':'web'}]}}"));
        Assert.True(skipped);
        Assert.Equal(["openshift.io/01-common-restore-plugin", "openshift.io/09-replicationcontroller-restore-plugin"], ran);
    }
}
