using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenShift.Cluster;

namespace VeleroOpenShift.Tests.OpenShift.Cluster;

/// <summary>The offline look-ups and the caches of spec §3 they share with the live ones.</summary>
public sealed class OfflineClusterLookupsTests
{
    private static System.Text.Json.Nodes.JsonObject BackupObject(string location) =>
        Json.O($"{{'apiVersion':'velero.io/v1','kind':'Backup','metadata':{{'name':'backup-1','namespace':'openshift-adp'}},'spec':{{'storageLocation':'{location}'}}}}");

    [Fact]
    public async Task TheBackupOfARestoreIsCachedUntilUnusedForAMinute()
    {
        var time = new FakeTimeProvider();
        var cluster = new OfflineClusterLookups(objects: [BackupObject("first")], logger: NullLogger.Instance, time: time);
        var restore = FixtureRunner.Restore(null);
        Assert.Equal("first", (await cluster.GetBackupForRestoreAsync(restore, CancellationToken.None)).StorageLocation);

        cluster.Add(BackupObject("second"));
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal("first", (await cluster.GetBackupForRestoreAsync(restore, CancellationToken.None)).StorageLocation);

        time.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal("second", (await cluster.GetBackupForRestoreAsync(restore, CancellationToken.None)).StorageLocation);
    }

    [Fact]
    public async Task TheBackupCacheIsKeyedByRestore()
    {
        var cluster = new OfflineClusterLookups(objects: [BackupObject("first")]);
        await cluster.GetBackupForRestoreAsync(FixtureRunner.Restore(null), CancellationToken.None);
        cluster.Add(BackupObject("second"));
        var other = FixtureRunner.Restore(Json.O("{'metadata':{'uid':'another-restore'}}"));
        Assert.Equal("second", (await cluster.GetBackupForRestoreAsync(other, CancellationToken.None)).StorageLocation);
    }

    [Theory]
    [InlineData("{'spec':{'backupName':''}}", "spec.backupName", "cannot get backup for an empty name")]
    [InlineData("{'metadata':{'namespace':''}}", "metadata.namespace", "cannot get backup for an empty namespace")]
    public async Task ARestoreWithoutBackupNameOrNamespaceIsRefused(string overrides, string field, string message)
    {
        var error = await Assert.ThrowsAsync<InvalidItemException>(() => new OfflineClusterLookups().GetBackupForRestoreAsync(FixtureRunner.Restore(Json.O(overrides)), CancellationToken.None));
        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGivenRegistryHostnameWinsAndNeedsNoVersion() =>
        Assert.Equal("given:5000", await new OfflineClusterLookups(registryHostname: "given:5000").GetInternalRegistryHostnameAsync(CancellationToken.None));

    [Fact]
    public async Task TheRegistryCapabilityIsRememberedOnceSeen()
    {
        var cluster = new OfflineClusterLookups(objects:
        [
            Json.O("{'apiVersion':'config.openshift.io/v1','kind':'ClusterVersion','metadata':{'name':'version'},'status':{'desired':{'version':'4.16.0'},'capabilities':{'enabledCapabilities':['ImageRegistry']}}}"),
        ]);
        Assert.True((await cluster.GetOpenShiftClusterFactsAsync(CancellationToken.None)).RegistryCapabilityEnabled);
        cluster.Add(Json.O("{'apiVersion':'config.openshift.io/v1','kind':'ClusterVersion','metadata':{'name':'version'},'status':{'desired':{'version':'4.16.0'}}}"));
        Assert.True((await cluster.GetOpenShiftClusterFactsAsync(CancellationToken.None)).RegistryCapabilityEnabled);
    }

    [Fact]
    public async Task NonNumericOpenShiftVersionPartsReadAsZero()
    {
        var cluster = new OfflineClusterLookups(objects:
        [
            Json.O("{'apiVersion':'config.openshift.io/v1','kind':'ClusterVersion','metadata':{'name':'version'},'status':{'desired':{'version':'x.y.z'}}}"),
            Json.O("{'apiVersion':'imageregistry.operator.openshift.io/v1','kind':'Config','metadata':{'name':'cluster'},'spec':{'managementState':'Managed'}}"),
        ]);
        Assert.Equal(new OpenShiftClusterFacts(true, false, 0, 0, false), await cluster.GetOpenShiftClusterFactsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ListFiltersByNamespaceAndLabels()
    {
        var cluster = new OfflineClusterLookups(objects:
        [
            Json.O("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'a','namespace':'x','labels':{'app':'web'}}}"),
            Json.O("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'b','namespace':'y','labels':{'app':'web'}}}"),
            Json.O("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'c','namespace':'x','labels':{'app':'db'}}}"),
        ]);
        var pods = await cluster.ListAsync(ApiResources.Pods, "x", "app=web", CancellationToken.None);
        Assert.Equal("a", Assert.Single(pods)["metadata"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task ObjectsHandedOutAreCopies()
    {
        var cluster = new OfflineClusterLookups(objects: [Json.O("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'a','namespace':'x'}}")]);
        (await cluster.GetAsync(ApiResources.Pods, "x", "a", CancellationToken.None))!["spec"] = "changed";
        Assert.Null((await cluster.GetAsync(ApiResources.Pods, "x", "a", CancellationToken.None))!["spec"]);
    }
}
