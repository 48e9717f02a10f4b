using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenShift.Cluster;
using VeleroOpenShift.OpenShift.Workloads;

namespace VeleroOpenShift.Tests.OpenShift.Workloads;

/// <summary>The pull-secret wait of the pod restore (spec §8.2 steps 11–12), driven by a fake clock.</summary>
public sealed class PodRestoreWaitTests
{
    private static OfflineClusterLookups OpenShift414() => new(objects:
    [
        Json.O("{'apiVersion':'v1','kind':'Namespace','metadata':{'name':'shop','creationTimestamp':'2020-01-01T00:00:00Z'}}"),
        Json.O("{'apiVersion':'config.openshift.io/v1','kind':'ClusterVersion','metadata':{'name':'version'},'status':{'desired':{'version':'4.14.1'},'capabilities':{'enabledCapabilities':['ImageRegistry']}}}"),
        Json.O("{'apiVersion':'imageregistry.operator.openshift.io/v1','kind':'Config','metadata':{'name':'cluster'},'spec':{'managementState':'Managed'}}"),
    ]);

    private static JsonObject Pod() => Json.O("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p','namespace':'shop'}}");

    [Fact]
    public async Task FailsFiveMinutesAfterWaitingStartedEvenInAnOldNamespace()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var action = new PodRestoreAction(OpenShift414(), time, NullLogger<PodRestoreAction>.Instance);
        var run = action.ExecuteAsync(Pod(), Pod(), FixtureRunner.Restore(null), CancellationToken.None);

        var waited = TimeSpan.Zero;
        while (!run.IsCompleted && waited < TimeSpan.FromMinutes(10))
        {
            await Task.Delay(1);
            time.Advance(TimeSpan.FromSeconds(1));
            waited += TimeSpan.FromSeconds(1);
        }

        var error = await Assert.ThrowsAsync<ClusterLookupException>(() => run);
        Assert.Equal(FailureKind.Timeout, error.Kind);
        Assert.Contains("default-dockercfg- Secret is not getting created within 5 minutes, exiting", error.Message, StringComparison.Ordinal);
        Assert.InRange(waited, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5.5));
    }

    [Fact]
    public async Task GoesOnOnceTheGeneratedSecretAppears()
    {
        var cluster = OpenShift414();
        var time = new FakeTimeProvider();
        var action = new PodRestoreAction(cluster, time, NullLogger<PodRestoreAction>.Instance);
        var run = action.ExecuteAsync(Pod(), Pod(), FixtureRunner.Restore(null), CancellationToken.None);
        await Task.Delay(20);
        Assert.False(run.IsCompleted);

        cluster.Add(Json.O("{'apiVersion':'v1','kind':'Secret','metadata':{'name':'default-dockercfg-z','namespace':'shop'}}"));
        for (var i = 0; i < 100 && !run.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(1);
        }

        Assert.False((await run).SkipRestore);
    }

    [Fact]
    public async Task DecidesWhetherToWaitOncePerActionInstance()
    {
        var cluster = OpenShift414();
        cluster.Add(Json.O("{'apiVersion':'v1','kind':'Secret','metadata':{'name':'default-dockercfg-z','namespace':'shop'}}"));
        var action = new PodRestoreAction(cluster, new FakeTimeProvider(), NullLogger<PodRestoreAction>.Instance);
        await action.ExecuteAsync(Pod(), Pod(), FixtureRunner.Restore(null), CancellationToken.None);

        // A broken ClusterVersion would fail a fresh decision; the instance keeps its first one.
        cluster.Add(Json.O("{'apiVersion':'config.openshift.io/v1','kind':'ClusterVersion','metadata':{'name':'version'},'status':{'desired':{'version':'bad'}}}"));
        await action.ExecuteAsync(Pod(), Pod(), FixtureRunner.Restore(null), CancellationToken.None);
        await Assert.ThrowsAsync<InvalidItemException>(() =>
            new PodRestoreAction(cluster, new FakeTimeProvider(), NullLogger<PodRestoreAction>.Instance).ExecuteAsync(Pod(), Pod(), FixtureRunner.Restore(null), CancellationToken.None));
    }
}
