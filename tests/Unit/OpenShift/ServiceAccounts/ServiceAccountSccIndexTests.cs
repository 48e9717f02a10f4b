using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VeleroOpenShift.OpenShift.ServiceAccounts;

namespace VeleroOpenShift.Tests.OpenShift.ServiceAccounts;

/// <summary>The SA→SCC index is built once per backup and rebuilt for the next one (RECOMMENDED in spec §6.1).</summary>
public sealed class ServiceAccountSccIndexTests
{
    [Fact]
    public async Task RebuildsForEachBackupAndReusesWithinOne()
    {
        var cluster = FixtureRunner.BuildCluster(Json.O("{'objects':[{'apiVersion':'security.openshift.io/v1','kind':'SecurityContextConstraints','metadata':{'name':'anyuid'},'users':['system:serviceaccount:shop:builder']}]}"));
        var action = new ServiceAccountBackupAction(cluster, new FakeTimeProvider(), NullLogger<ServiceAccountBackupAction>.Instance);
        var sa = Json.O("{'apiVersion':'v1','kind':'ServiceAccount','metadata':{'name':'builder','namespace':'shop'}}");
        var first = FixtureRunner.Backup(Json.O("{'metadata':{'uid':'b1'}}"));
        Assert.Single((await action.ExecuteAsync(sa, first, CancellationToken.None)).AdditionalItems);

        cluster.Add(Json.O("{'apiVersion':'security.openshift.io/v1','kind':'SecurityContextConstraints','metadata':{'name':'privileged'},'users':['system:serviceaccount:shop:builder']}"));
        Assert.Single((await action.ExecuteAsync(sa, first, CancellationToken.None)).AdditionalItems);

        var second = FixtureRunner.Backup(Json.O("{'metadata':{'uid':'b2'}}"));
        Assert.Equal(["anyuid", "privileged"], (await action.ExecuteAsync(sa, second, CancellationToken.None)).AdditionalItems.Select(i => i.Name));
    }
}
