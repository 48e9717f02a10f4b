using System.Text.Json.Nodes;
using Grpc.Core;
using VeleroOpenShift.PluginShim.Tests.Fakes;
using VeleroOpenShift.PluginShim.Tests.Infrastructure;
using VeleroOpenShift.Velero;
using Xunit;
using Generated = VeleroOpenShift.PluginShim.Protos.Generated;

namespace VeleroOpenShift.PluginShim.Tests.Services;

public sealed class PluginInstancesTests
{
    private const string Name = "test.io/counted";

    [Fact]
    public async Task APluginIsCreatedOnFirstUseAndOncePerProcess()
    {
        var created = 0;
        var catalog = new PluginCatalog([PluginRegistration.RestoreItemAction(Name, PluginFamily.OpenShift, TestCatalog.Pods, "test", _ =>
        {
            Interlocked.Increment(ref created);
            return new FakeRestoreAction();
        })]);
        await using var server = await ShimServer.StartAsync(catalog);
        var client = new Generated.RestoreItemAction.RestoreItemActionClient(server.Channel);

        // Neither discovery nor AppliesTo may create a plugin: a factory could reach the network.
        await new Generated.PluginLister.PluginListerClient(server.Channel).ListPluginsAsync(new Generated.Empty());
        await client.AppliesToAsync(new Generated.RestoreItemActionAppliesToRequest { Plugin = Name });
        var createdBeforeExecute = created;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.ExecuteAsync(Request()).ResponseAsync));

        Assert.Equal(0, createdBeforeExecute);
        Assert.Equal(1, created);
    }

    [Fact]
    public async Task AFailedCreationIsReportedAndRetriedOnTheNextCall()
    {
        var attempts = 0;
        var catalog = new PluginCatalog([PluginRegistration.RestoreItemAction(Name, PluginFamily.OpenShift, TestCatalog.Pods, "test", _ =>
            ++attempts == 1 ? throw new InvalidOperationException("first creation fails") : new FakeRestoreAction())]);
        await using var server = await ShimServer.StartAsync(catalog);
        var client = new Generated.RestoreItemAction.RestoreItemActionClient(server.Channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.ExecuteAsync(Request()).ResponseAsync);
        var response = await client.ExecuteAsync(Request());

        Assert.Contains("first creation fails", error.Status.Detail, StringComparison.Ordinal);
        Assert.NotNull(JsonNode.Parse(response.Item.ToStringUtf8()));
        Assert.Equal(2, attempts);
    }

    private static Generated.RestoreItemActionExecuteRequest Request() => new()
    {
        Plugin = Name,
        Item = Items.Bytes(Items.Pod),
        ItemFromBackup = Items.Bytes(Items.Pod),
        Restore = Items.Bytes(Items.Restore),
    };
}
