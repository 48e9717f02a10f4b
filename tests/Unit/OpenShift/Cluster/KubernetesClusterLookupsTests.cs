using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenShift.Cluster;
using VeleroOpenShift.OpenShift.Common;
using VeleroOpenShift.Tests.Fakes;

namespace VeleroOpenShift.Tests.OpenShift.Cluster;

/// <summary>The live look-ups through KubernetesClient against the in-process fake API server.</summary>
public sealed class KubernetesClusterLookupsTests : IDisposable
{
    private readonly FakeKubeApiServer _server = new();
    private readonly string _kubeconfig;

    public KubernetesClusterLookupsTests()
    {
        _kubeconfig = _server.WriteKubeconfig();
        _server.SetVersion(Json.O("{'major':'1','minor':'29+','gitVersion':'v1.29.5+abc'}"));
    }

    public void Dispose()
    {
        _server.Dispose();
        File.Delete(_kubeconfig);
    }

    private KubernetesClusterLookups Lookups(string? context = null) =>
        KubernetesClusterLookups.FromKubeconfig(_kubeconfig, context, NullLogger.Instance, new FakeTimeProvider());

    [Fact]
    public async Task ReadsAndCachesTheServerVersion()
    {
        using var lookups = Lookups();
        Assert.Equal(new ServerVersion(1, 29), await lookups.GetServerVersionAsync(CancellationToken.None));
        Assert.Equal(new ServerVersion(1, 29), await lookups.GetServerVersionAsync(CancellationToken.None));
        Assert.Equal(["GET /version"], _server.Requests);
    }

    [Fact]
    public async Task FallsBackToGitVersion()
    {
        _server.SetVersion(Json.O("{'major':'','minor':'','gitVersion':'v1.27.3+rhos'}"));
        using var lookups = Lookups();
        Assert.Equal(new ServerVersion(1, 27), await lookups.GetServerVersionAsync(CancellationToken.None));
    }

    [Fact]
    public async Task FindsTheRegistryFromTheOpenshiftImageStreams()
    {
        _server.Add("/apis/image.openshift.io/v1", "imagestreams",
            Json.O("{'apiVersion':'image.openshift.io/v1','kind':'ImageStream','metadata':{'name':'cli','namespace':'openshift'},'status':{'dockerImageRepository':'image-registry.openshift-image-registry.svc:5000/openshift/cli'}}"));
        using var lookups = Lookups();
        Assert.Equal("image-registry.openshift-image-registry.svc:5000", await lookups.GetInternalRegistryHostnameAsync(CancellationToken.None));
        Assert.Equal(["GET /apis/image.openshift.io/v1/namespaces/openshift/imagestreams"], _server.Requests);
    }

    [Fact]
    public async Task FindsTheRegistryFromTheApiServerConfig()
    {
        _server.Serve("/apis/image.openshift.io/v1", "imagestreams", "openshift");
        var configMap = Json.O("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'config','namespace':'openshift-apiserver'},'data':{}}");
        configMap["data"]!["config.yaml"] = """{"imagePolicyConfig":{"internalRegistryHostname":"image-registry.openshift-image-registry.svc:5000"}}""";
        _server.Add("/api/v1", "configmaps", configMap);
        using var lookups = Lookups();
        Assert.Equal("image-registry.openshift-image-registry.svc:5000", await lookups.GetInternalRegistryHostnameAsync(CancellationToken.None));
        Assert.Contains("GET /api/v1/namespaces/openshift-apiserver/configmaps/config", _server.Requests);
    }

    [Fact]
    public async Task PlainKubernetesHasNoRegistryAndTheAnswerIsCached()
    {
        using var lookups = Lookups();
        Assert.Equal(string.Empty, await lookups.GetInternalRegistryHostnameAsync(CancellationToken.None));
        var asked = _server.Requests.Count;
        Assert.Equal(string.Empty, await lookups.GetInternalRegistryHostnameAsync(CancellationToken.None));
        Assert.Equal(asked, _server.Requests.Count);
    }

    [Fact]
    public async Task GetReturnsTheObjectAsServedOrNull()
    {
        var pod = Json.O("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p','namespace':'shop'},'x-unknown':{'n':1.50}}");
        _server.Add("/api/v1", "pods", pod);
        using var lookups = Lookups();
        Json.Equal(pod, await lookups.GetAsync(ApiResources.Pods, "shop", "p", CancellationToken.None));
        Assert.Null(await lookups.GetAsync(ApiResources.Pods, "shop", "missing", CancellationToken.None));
        Assert.Null(await lookups.GetAsync(ApiResources.SecurityContextConstraints, null, "anyuid", CancellationToken.None));
        Assert.Equal("GET /apis/security.openshift.io/v1/securitycontextconstraints/anyuid", _server.Requests[^1]);
    }

    [Fact]
    public async Task ListPassesTheLabelSelector()
    {
        _server.Add("/api/v1", "pods", Json.O("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'a','namespace':'shop','labels':{'app':'web'}}}"));
        _server.Add("/api/v1", "pods", Json.O("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'b','namespace':'shop','labels':{'app':'db'}}}"));
        using var lookups = Lookups();
        var pods = await lookups.ListAsync(ApiResources.Pods, "shop", "app=web", CancellationToken.None);
        Assert.Equal("a", Assert.Single(pods)["metadata"]!["name"]!.GetValue<string>());
        Assert.Equal("GET /api/v1/namespaces/shop/pods?labelSelector=app%3Dweb", _server.Requests[^1]);
    }

    [Fact]
    public async Task ListingAnUnservedApiIsNotFound()
    {
        using var lookups = Lookups();
        var error = await Assert.ThrowsAsync<ClusterLookupException>(() => lookups.ListAsync(ApiResources.SecurityContextConstraints, null, null, CancellationToken.None));
        Assert.True(error.IsNotFound);
        Assert.Equal(FailureKind.NotFound, error.Kind);
    }

    [Fact]
    public async Task ForbiddenKeepsTheStatusMessage()
    {
        _server.Force("/apis/security.openshift.io/v1/securitycontextconstraints/anyuid", 403);
        using var lookups = Lookups();
        var error = await Assert.ThrowsAsync<ClusterLookupException>(() => lookups.GetAsync(ApiResources.SecurityContextConstraints, null, "anyuid", CancellationToken.None));
        Assert.Equal(403, error.StatusCode);
        Assert.Equal(FailureKind.PermissionDenied, error.Kind);
        Assert.Contains("forced 403", error.Message, StringComparison.Ordinal);
        Assert.Equal("securitycontextconstraints.security.openshift.io/anyuid", error.Target);
    }

    [Fact]
    public async Task ReplacePutsTheObject()
    {
        _server.Add("/api/v1", "persistentvolumes", Json.O("{'apiVersion':'v1','kind':'PersistentVolume','metadata':{'name':'pv-1'},'spec':{'persistentVolumeReclaimPolicy':'Delete'}}"));
        using var lookups = Lookups();
        var pv = (await lookups.GetAsync(ApiResources.PersistentVolumes, null, "pv-1", CancellationToken.None))!;
        pv["spec"]!["persistentVolumeReclaimPolicy"] = "Retain";
        await lookups.ReplaceAsync(ApiResources.PersistentVolumes, pv, CancellationToken.None);
        Assert.Equal("PUT /api/v1/persistentvolumes/pv-1", _server.Requests[^1]);
        Assert.Equal("Retain", _server.Stored("/api/v1", "persistentvolumes", null, "pv-1")!["spec"]!["persistentVolumeReclaimPolicy"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReadsTheBackupOfARestoreOncePerRestore()
    {
        _server.Add("/apis/velero.io/v1", "backups", Json.O("{'apiVersion':'velero.io/v1','kind':'Backup','metadata':{'name':'backup-1','namespace':'openshift-adp','uid':'b'},'spec':{'defaultVolumesToFsBackup':true}}"));
        using var lookups = Lookups();
        var restore = FixtureRunner.Restore(null);
        Assert.Equal("backup-1", (await lookups.GetBackupForRestoreAsync(restore, CancellationToken.None)).Name);
        Assert.Equal("backup-1", (await lookups.GetBackupForRestoreAsync(restore, CancellationToken.None)).Name);
        Assert.Equal(["GET /apis/velero.io/v1/namespaces/openshift-adp/backups/backup-1"], _server.Requests);
    }

    [Fact]
    public async Task ReadsOpenShiftClusterFacts()
    {
        _server.Add("/apis/config.openshift.io/v1", "clusterversions", Json.O("{'apiVersion':'config.openshift.io/v1','kind':'ClusterVersion','metadata':{'name':'version'},'status':{'desired':{'version':'4.16.2'},'capabilities':{'enabledCapabilities':['ImageRegistry']}}}"));
        using var lookups = Lookups();
        Assert.Equal(new OpenShiftClusterFacts(true, true, 4, 16, true), await lookups.GetOpenShiftClusterFactsAsync(CancellationToken.None));
        Assert.Contains("GET /apis/imageregistry.operator.openshift.io/v1/configs/cluster", _server.Requests);
    }

    [Fact]
    public async Task PlainKubernetesIsNotOpenShift()
    {
        using var lookups = Lookups();
        Assert.Equal(OpenShiftClusterFacts.NotOpenShift, await lookups.GetOpenShiftClusterFactsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task TheCommonBackupActionWorksAgainstTheServer()
    {
        _server.Serve("/apis/image.openshift.io/v1", "imagestreams", "openshift");
        using var lookups = Lookups();
        var pod = Json.O("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p','namespace':'shop'}}");
        await new CommonBackupAction(lookups).ExecuteAsync(pod, FixtureRunner.Backup(null), CancellationToken.None);
        Assert.Equal("1.29", pod["metadata"]!["annotations"]![OpenShiftConstants.BackupServerVersion]!.GetValue<string>());
        Assert.Equal(string.Empty, pod["metadata"]!["annotations"]![OpenShiftConstants.BackupRegistryHostname]!.GetValue<string>());
    }

    [Fact]
    public async Task UpstreamPodBackupFailsWhenReadingTheSccIsForbidden()
    {
        _server.Force("/apis/security.openshift.io/v1/securitycontextconstraints/test-scc", 403);
        using var lookups = Lookups();
        var pod = Json.O("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'test-pod','namespace':'test-namespace','annotations':{'openshift.io/scc':'test-scc'}}}");
        var action = new VeleroOpenShift.OpenShift.Workloads.PodBackupAction(lookups, NullLogger<VeleroOpenShift.OpenShift.Workloads.PodBackupAction>.Instance);
        var error = await Assert.ThrowsAsync<ClusterLookupException>(() => action.ExecuteAsync(pod, FixtureRunner.Backup(null), CancellationToken.None));
        Assert.Equal(FailureKind.PermissionDenied, error.Kind);
    }

    [Fact]
    public async Task AWrongTokenIsAnAuthenticationFailure()
    {
        using var other = new FakeKubeApiServer("another-token");
        other.SetVersion(Json.O("{'major':'1','minor':'29'}"));
        var path = other.WriteKubeconfig();
        File.WriteAllText(path, File.ReadAllText(path).Replace("token: another-token", "token: wrong", StringComparison.Ordinal));
        try
        {
            using var lookups = KubernetesClusterLookups.FromKubeconfig(path, null, NullLogger.Instance, new FakeTimeProvider());
            var error = await Assert.ThrowsAsync<ClusterLookupException>(() => lookups.GetServerVersionAsync(CancellationToken.None));
            Assert.Equal(FailureKind.AuthenticationFailed, error.Kind);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task TheContextChoosesTheCluster()
    {
        using var lookups = Lookups("unreachable");
        var error = await Assert.ThrowsAsync<ClusterLookupException>(() => lookups.GetServerVersionAsync(CancellationToken.None));
        Assert.Equal(FailureKind.RemoteFailure, error.Kind);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task AMissingKubeconfigIsAConfigurationError()
    {
        using var lookups = KubernetesClusterLookups.FromKubeconfig("/nonexistent/kubeconfig", null, NullLogger.Instance, new FakeTimeProvider());
        var error = await Assert.ThrowsAsync<InvalidConfigurationException>(() => lookups.GetServerVersionAsync(CancellationToken.None));
        Assert.Equal("Kubeconfig", error.Key);
    }
}

/// <summary>Tests that set process-wide environment variables run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "ProcessEnvironment";
}

/// <summary>The shim's configuration path: KUBECONFIG when not running in a pod.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class EnvironmentKubeconfigTests
{
    [Fact]
    public async Task FromEnvironmentReadsKubeconfig()
    {
        using var server = new FakeKubeApiServer();
        server.SetVersion(Json.O("{'major':'1','minor':'31'}"));
        var path = server.WriteKubeconfig();
        var previous = Environment.GetEnvironmentVariable("KUBECONFIG");
        Environment.SetEnvironmentVariable("KUBECONFIG", path);
        try
        {
            using var lookups = KubernetesClusterLookups.FromEnvironment(NullLogger.Instance, new FakeTimeProvider());
            Assert.Equal(new ServerVersion(1, 31), await lookups.GetServerVersionAsync(CancellationToken.None));
        }
        finally
        {
            Environment.SetEnvironmentVariable("KUBECONFIG", previous);
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("1", true)]
    [InlineData("yes", false)]
    [InlineData(null, false)]
    public void ImageStreamBackupIsReadFromTheEnvironment(string? value, bool expected)
    {
        var previous = Environment.GetEnvironmentVariable("OPENSHIFT_IMAGESTREAM_BACKUP");
        Environment.SetEnvironmentVariable("OPENSHIFT_IMAGESTREAM_BACKUP", value);
        try
        {
            Assert.Equal(expected, VeleroOpenShift.OpenShift.OpenShiftOptions.FromEnvironment().ImageStreamBackup);
        }
        finally
        {
            Environment.SetEnvironmentVariable("OPENSHIFT_IMAGESTREAM_BACKUP", previous);
        }
    }
}
