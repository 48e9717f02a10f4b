using Grpc.Core;
using VeleroOpenShift.PluginShim.Tests.Fakes;
using VeleroOpenShift.PluginShim.Tests.Infrastructure;
using VeleroOpenShift.Velero;
using Xunit;
using Generated = VeleroOpenShift.PluginShim.Protos.Generated;
using V1 = VeleroOpenShift.PluginShim.Protos.V1;
using V2 = VeleroOpenShift.PluginShim.Protos.V2;

namespace VeleroOpenShift.PluginShim.Tests.Services;

public sealed class ItemActionServiceTests : IAsyncLifetime
{
    private ShimServer _server = null!;

    public async Task InitializeAsync() => _server = await ShimServer.StartAsync(TestCatalog.Create());

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task AppliesToSendsTheRegisteredSelector()
    {
        var client = new Generated.RestoreItemAction.RestoreItemActionClient(_server.Channel);

        var response = await client.AppliesToAsync(new Generated.RestoreItemActionAppliesToRequest { Plugin = TestCatalog.RestoreAction });

        Assert.Equal(["pods"], response.ResourceSelector.IncludedResources);
        Assert.Equal(["kube-system"], response.ResourceSelector.ExcludedNamespaces);
        Assert.Empty(response.ResourceSelector.IncludedNamespaces);
        Assert.Equal("app=web", response.ResourceSelector.Selector);
    }

    [Fact]
    public async Task RestoreExecuteReturnsTheEditedItemWithItsUnknownFields()
    {
        var client = new Generated.RestoreItemAction.RestoreItemActionClient(_server.Channel);

        var response = await client.ExecuteAsync(new Generated.RestoreItemActionExecuteRequest
        {
            Plugin = TestCatalog.RestoreAction,
            Item = Items.Bytes(Items.Pod),
            ItemFromBackup = Items.Bytes(Items.Pod),
            Restore = Items.Bytes(Items.Restore),
        });

        Assert.Equal("restore:web-copy", Items.SeenBy(response.Item));
        Assert.Equal("Pod", Items.Parse(response.Item)["kind"]!.GetValue<string>());
        Assert.True(Items.Parse(response.Item)["metadata"]!["x-unknown"]!["kept"]!.GetValue<bool>());
        var additional = Assert.Single(response.AdditionalItems);
        Assert.Equal(("", "secrets", "web", "token"), (additional.Group, additional.Resource, additional.Namespace, additional.Name));
        Assert.False(response.SkipRestore);
    }

    [Fact]
    public async Task BackupExecuteRunsTheActionWithTheBackup()
    {
        var client = new Generated.BackupItemAction.BackupItemActionClient(_server.Channel);

        var response = await client.ExecuteAsync(new Generated.ExecuteRequest { Plugin = TestCatalog.BackupAction, Item = Items.Bytes(Items.Pod), Backup = Items.Bytes(Items.Backup) });

        Assert.Equal("backup:nightly", Items.SeenBy(response.Item));
        Assert.Equal("token", Assert.Single(response.AdditionalItems).Name);
    }

    [Fact]
    public async Task BackupV2ReportsTheOperationAndAlwaysSetsProgressTimes()
    {
        var client = new V2.BackupItemAction.BackupItemActionClient(_server.Channel);

        var executed = await client.ExecuteAsync(new V2.ExecuteRequest { Plugin = TestCatalog.BackupActionV2, Item = Items.Bytes(Items.Pod), Backup = Items.Bytes(Items.Backup) });
        var progress = await client.ProgressAsync(new V2.BackupItemActionProgressRequest { Plugin = TestCatalog.BackupActionV2, OperationID = executed.OperationID, Backup = Items.Bytes(Items.Backup) });
        await client.CancelAsync(new V2.BackupItemActionCancelRequest { Plugin = TestCatalog.BackupActionV2, OperationID = "op-1", Backup = Items.Bytes(Items.Backup) });

        Assert.Equal("op-1", executed.OperationID);
        Assert.Equal("token", Assert.Single(executed.PostOperationItems).Name);
        Assert.NotNull(progress.Progress);
        Assert.Equal((false, 3L, 10L, "bytes", "op-1"), (progress.Progress.Completed, progress.Progress.NCompleted, progress.Progress.NTotal, progress.Progress.OperationUnits, progress.Progress.Description));

        // Unknown times are Go's zero time, which Velero reads as "unknown"; an unset field would read as 1970.
        Assert.Equal(-62135596800, progress.Progress.Started.Seconds);
        Assert.Equal(-62135596800, progress.Progress.Updated.Seconds);
    }

    [Fact]
    public async Task BackupV2CancelFailureBecomesAnErrorStatus()
    {
        var client = new V2.BackupItemAction.BackupItemActionClient(_server.Channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.CancelAsync(new V2.BackupItemActionCancelRequest { Plugin = TestCatalog.BackupActionV2, OperationID = "op-9", Backup = Items.Bytes(Items.Backup) }).ResponseAsync);

        Assert.Equal(StatusCode.Unknown, error.StatusCode);
        Assert.Contains("op-9: no such operation", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RestoreV2ReturnsTheItemEvenWhenSkippingAndReportsWaitSettings()
    {
        var client = new V2.RestoreItemAction.RestoreItemActionClient(_server.Channel);

        var executed = await client.ExecuteAsync(new V2.RestoreItemActionExecuteRequest
        {
            Plugin = TestCatalog.RestoreActionV2,
            Item = Items.Bytes(Items.Pod),
            ItemFromBackup = Items.Bytes(Items.Pod),
            Restore = Items.Bytes(Items.Restore),
        });
        var progress = await client.ProgressAsync(new V2.RestoreItemActionProgressRequest { Plugin = TestCatalog.RestoreActionV2, OperationID = "restore-op", Restore = Items.Bytes(Items.Restore) });
        var ready = new V2.RestoreItemActionItemsReadyRequest { Plugin = TestCatalog.RestoreActionV2, Restore = Items.Bytes(Items.Restore) };
        ready.AdditionalItems.Add(new Generated.ResourceIdentifier { Resource = "secrets", Namespace = "web", Name = "token" });
        var readiness = await client.AreAdditionalItemsReadyAsync(ready);
        await client.CancelAsync(new V2.RestoreItemActionCancelRequest { Plugin = TestCatalog.RestoreActionV2, OperationID = "restore-op", Restore = Items.Bytes(Items.Restore) });

        Assert.True(executed.SkipRestore);
        Assert.Equal("Pod", Items.Parse(executed.Item)["kind"]!.GetValue<string>());
        Assert.Equal(("restore-op", true, 90L), (executed.OperationID, executed.WaitForAdditionalItems, executed.AdditionalItemsReadyTimeout.Seconds));
        Assert.Equal((true, "disk full"), (progress.Progress.Completed, progress.Progress.Err));
        Assert.Equal(FakeRestoreActionV2.Started, progress.Progress.Started.ToDateTimeOffset());
        Assert.Equal(-62135596800, progress.Progress.Updated.Seconds);
        Assert.True(readiness.Ready);
    }

    [Fact]
    public async Task DeleteAndItemBlockActionsRun()
    {
        var delete = new Generated.DeleteItemAction.DeleteItemActionClient(_server.Channel);
        var itemBlock = new V1.ItemBlockAction.ItemBlockActionClient(_server.Channel);

        await delete.ExecuteAsync(new Generated.DeleteItemActionExecuteRequest { Plugin = TestCatalog.DeleteAction, Item = Items.Bytes(Items.Pod), Backup = Items.Bytes(Items.Backup) });
        var refused = await Assert.ThrowsAsync<RpcException>(() => delete.ExecuteAsync(new Generated.DeleteItemActionExecuteRequest
        {
            Plugin = TestCatalog.DeleteAction,
            Item = Items.Bytes(Items.Pod.Replace("frontend", "refuse", StringComparison.Ordinal)),
            Backup = Items.Bytes(Items.Backup),
        }).ResponseAsync);
        var related = await itemBlock.GetRelatedItemsAsync(new V1.ItemBlockActionGetRelatedItemsRequest { Plugin = TestCatalog.ItemBlockAction, Item = Items.Bytes(Items.Pod), Backup = Items.Bytes(Items.Backup) });
        var appliesTo = await itemBlock.AppliesToAsync(new V1.ItemBlockActionAppliesToRequest { Plugin = TestCatalog.ItemBlockAction });

        Assert.Contains("Pod/web/refuse", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(["token", "frontend"], related.RelatedItems.Select(r => r.Name));
        Assert.Equal("apps", related.RelatedItems[1].Group);
        Assert.Equal(["pods"], appliesTo.ResourceSelector.IncludedResources);
    }

    [Fact]
    public async Task AnUnknownPluginNameGetsVelerosNotFoundError()
    {
        var client = new Generated.RestoreItemAction.RestoreItemActionClient(_server.Channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.ExecuteAsync(new Generated.RestoreItemActionExecuteRequest { Plugin = "test.io/nope", Item = Items.Bytes(Items.Pod) }).ResponseAsync);

        Assert.Equal(StatusCode.Unknown, error.StatusCode);
        Assert.Equal("RestoreItemAction plugin: test.io/nope was not found or has an invalid name format", error.Status.Detail);
    }

    [Fact]
    public async Task ANameServedUnderAnotherKindIsNotFound()
    {
        var client = new Generated.RestoreItemAction.RestoreItemActionClient(_server.Channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.AppliesToAsync(new Generated.RestoreItemActionAppliesToRequest { Plugin = TestCatalog.BackupAction }).ResponseAsync);

        Assert.Equal(StatusCode.Unknown, error.StatusCode);
        Assert.Contains($"RestoreItemAction plugin: {TestCatalog.BackupAction} was not found", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedJsonIsAnErrorNamingThePluginAndField()
    {
        var client = new Generated.RestoreItemAction.RestoreItemActionClient(_server.Channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.ExecuteAsync(new Generated.RestoreItemActionExecuteRequest
        {
            Plugin = TestCatalog.RestoreAction,
            Item = Items.Bytes("{\"kind\":"),
            ItemFromBackup = Items.Bytes(Items.Pod),
            Restore = Items.Bytes(Items.Restore),
        }).ResponseAsync);

        Assert.Equal(StatusCode.Unknown, error.StatusCode);
        Assert.StartsWith($"RestoreItemAction plugin {TestCatalog.RestoreAction}: item", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("is not valid JSON", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEngineFailureNamesPluginItemAndField()
    {
        var client = new Generated.RestoreItemAction.RestoreItemActionClient(_server.Channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.ExecuteAsync(new Generated.RestoreItemActionExecuteRequest
        {
            Plugin = TestCatalog.FailingRestoreAction,
            Item = Items.Bytes(Items.Pod),
            ItemFromBackup = Items.Bytes(Items.Pod),
            Restore = Items.Bytes(Items.Restore),
        }).ResponseAsync);

        Assert.Equal(StatusCode.Unknown, error.StatusCode);
        Assert.Equal(
            $"RestoreItemAction plugin {TestCatalog.FailingRestoreAction}: Pod/web/frontend: field spec.containers[0].image: must be a string, got a number",
            error.Status.Detail);
    }

    [Fact]
    public async Task AnUnexpectedExceptionIsAnErrorStatusAndAnErrorLogLineAndTheServerGoesOn()
    {
        var client = new Generated.RestoreItemAction.RestoreItemActionClient(_server.Channel);
        var request = new Generated.RestoreItemActionExecuteRequest
        {
            Plugin = TestCatalog.CrashingRestoreAction,
            Item = Items.Bytes(Items.Pod),
            ItemFromBackup = Items.Bytes(Items.Pod),
            Restore = Items.Bytes(Items.Restore),
        };

        var error = await Assert.ThrowsAsync<RpcException>(() => client.ExecuteAsync(request).ResponseAsync);
        var after = await client.AppliesToAsync(new Generated.RestoreItemActionAppliesToRequest { Plugin = TestCatalog.RestoreAction });

        Assert.Equal(StatusCode.Unknown, error.StatusCode);
        Assert.Equal($"RestoreItemAction plugin {TestCatalog.CrashingRestoreAction}: unexpected InvalidOperationException: a bug in the fake", error.Status.Detail);
        Assert.Contains(_server.LogLines, line => line.StartsWith("{\"@level\":\"error\"", StringComparison.Ordinal) && line.Contains("a bug in the fake", StringComparison.Ordinal));
        Assert.NotNull(after.ResourceSelector);
    }

    [Fact]
    public async Task AnItemAboveTheReceiveLimitIsRefusedAndTheServerGoesOn()
    {
        var client = new Generated.RestoreItemAction.RestoreItemActionClient(_server.Channel);
        var huge = Google.Protobuf.ByteString.CopyFrom(new byte[Hosting.PluginServer.MaxReceiveMessageBytes + 1]);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.ExecuteAsync(new Generated.RestoreItemActionExecuteRequest { Plugin = TestCatalog.RestoreAction, Item = huge }).ResponseAsync);
        var after = await client.AppliesToAsync(new Generated.RestoreItemActionAppliesToRequest { Plugin = TestCatalog.RestoreAction });

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.NotNull(after.ResourceSelector);
    }

    [Fact]
    public async Task AnItemAboveTheDefaultFourMebibytesIsAccepted()
    {
        var client = new Generated.RestoreItemAction.RestoreItemActionClient(_server.Channel);
        var padding = new string('x', 6 * 1024 * 1024);
        var bigPod = Items.Pod.Replace("\"nginx\"", $"\"{padding}\"", StringComparison.Ordinal);

        var response = await client.ExecuteAsync(new Generated.RestoreItemActionExecuteRequest
        {
            Plugin = TestCatalog.RestoreAction,
            Item = Items.Bytes(bigPod),
            ItemFromBackup = Items.Bytes(Items.Pod),
            Restore = Items.Bytes(Items.Restore),
        });

        Assert.True(response.Item.Length > padding.Length);
    }
}
