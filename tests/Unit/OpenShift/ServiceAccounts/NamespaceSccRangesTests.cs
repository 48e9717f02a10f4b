using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using VeleroOpenShift.OpenShift.ServiceAccounts;
using VeleroOpenShift.Tests.Fakes;

namespace VeleroOpenShift.Tests.OpenShift.ServiceAccounts;

/// <summary>The warnings of the namespace SCC range check (spec §14.4).</summary>
public sealed class NamespaceSccRangesTests
{
    private static readonly System.Text.Json.Nodes.JsonObject Recorded = Json.O("""
        {'apiVersion':'v1','kind':'ServiceAccount','metadata':{'name':'default','namespace':'n','annotations':{
          'oadp.openshift.io/backup-namespace-sa.scc.uid-range':'1000/10','oadp.openshift.io/backup-namespace-sa.scc.mcs':'s0:c1,c2'}}}
        """);

    private static async Task<ListLogger<ServiceAccountRestoreAction>> RestoreIntoAsync(string namespaceJson)
    {
        var logger = new ListLogger<ServiceAccountRestoreAction>();
        var cluster = FixtureRunner.BuildCluster(Json.O($"{{'objects':[{namespaceJson}]}}"));
        var action = new ServiceAccountRestoreAction(cluster, new FakeTimeProvider(), logger);
        await action.ExecuteAsync((System.Text.Json.Nodes.JsonObject)Recorded.DeepClone(), (System.Text.Json.Nodes.JsonObject)Recorded.DeepClone(), FixtureRunner.Restore(null), CancellationToken.None);
        return logger;
    }

    [Fact]
    public async Task WarnsPerDifferingRange()
    {
        var logger = await RestoreIntoAsync("{'apiVersion':'v1','kind':'Namespace','metadata':{'name':'n','annotations':{'openshift.io/sa.scc.uid-range':'2000/10','openshift.io/sa.scc.mcs':'s0:c1,c2'}}}");
        var warning = Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("openshift.io/sa.scc.uid-range=2000/10", warning.Message, StringComparison.Ordinal);
        Assert.Contains("1000/10", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaysQuietWhenTheRangesMatch()
    {
        var logger = await RestoreIntoAsync("{'apiVersion':'v1','kind':'Namespace','metadata':{'name':'n','annotations':{'openshift.io/sa.scc.uid-range':'1000/10','openshift.io/sa.scc.mcs':'s0:c1,c2'}}}");
        Assert.DoesNotContain(logger.Entries, e => e.Level == LogLevel.Warning);
    }
}
