using System.Text.Json.Nodes;
using VeleroOpenShift.Tests.Fakes;

namespace VeleroOpenShift.PowerShell.Tests.Transform;

/// <summary>The transform cmdlets against a cluster reached through -Kubeconfig: they read it and never write to it.</summary>
public sealed class LiveClusterTransformTests : IDisposable
{
    private const string VolumeName = "pvc-3f6c1e9a-2b7d-4c8e-9f10-a1b2c3d4e5f6";

    private readonly FakeKubeApiServer _server = new();
    private readonly string _kubeconfig;
    private readonly PowerShellHost _host = PowerShellHost.CreateWithModule();

    public LiveClusterTransformTests()
    {
        _server.SetVersion(new JsonObject { ["major"] = "1", ["minor"] = "29", ["gitVersion"] = "v1.29.8+f10c92d" });
        _server.Add("/api/v1", "persistentvolumes", Volume());
        _kubeconfig = _server.WriteKubeconfig();
    }

    public void Dispose()
    {
        _host.Dispose();
        _server.Dispose();
        File.Delete(_kubeconfig);
    }

    [Fact]
    public void TheMigrationVolumeBackupShowsRetainOnTheItemButDoesNotReplaceTheClusterVolume()
    {
        var result = _host.Invoke(
            "$args[0] | Invoke-BackupTransform -Kubeconfig $args[1] -Workflow Migration -Plugin openshift.io/03-pv-backup-plugin",
            Volume().ToJsonString(),
            _kubeconfig).EnsureSucceeded();

        var item = Assert.Single(result.Output)?.Properties["Item"]?.Value as JsonObject;
        Assert.Equal("Retain", item?["spec"]?["persistentVolumeReclaimPolicy"]?.GetValue<string>());
        Assert.Equal("Delete", item?["metadata"]?["annotations"]?["migration.openshift.io/orig-reclaim-policy"]?.GetValue<string>());
        Assert.Contains($"GET /api/v1/persistentvolumes/{VolumeName}", _server.Requests);
        Assert.DoesNotContain(_server.Requests, r => r.StartsWith("PUT ", StringComparison.Ordinal));
        Assert.Equal("Delete", _server.Stored("/api/v1", "persistentvolumes", null, VolumeName)?["spec"]?["persistentVolumeReclaimPolicy"]?.GetValue<string>());
    }

    [Fact]
    public void APodRestoreLooksUpTheMappedNamespaceInTheCluster()
    {
        const string Pod = """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","namespace":"shop","annotations":{"oadp.openshift.io/includes-dm-dc-fix":"true"}},"spec":{"containers":[{"name":"web","image":"nginx"}]}}""";

        var missing = _host.Invoke(
            "$args[0] | Invoke-RestoreTransform -Kubeconfig $args[1] -NamespaceMapping @{ shop = 'shop-restored' } -Plugin openshift.io/07-pod-restore-plugin",
            Pod,
            _kubeconfig);

        var error = Assert.Single(missing.Errors);
        Assert.Equal("ClusterLookupFailed,VeleroOpenShift.Cmdlets.Commands.Transform.InvokeRestoreTransformCommand", error.FullyQualifiedErrorId);
        Assert.Equal("Pod/shop/web", error.TargetObject);
        Assert.Contains("GET /api/v1/namespaces/shop-restored", _server.Requests);
    }

    private static JsonObject Volume() => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "PersistentVolume",
        ["metadata"] = new JsonObject
        {
            ["name"] = VolumeName,
            ["annotations"] = new JsonObject { ["openshift.io/migrate-type"] = "move" },
        },
        ["spec"] = new JsonObject { ["persistentVolumeReclaimPolicy"] = "Delete", ["capacity"] = new JsonObject { ["storage"] = "10Gi" } },
    };
}
