using System.Text.Json.Nodes;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Kube;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.PluginShim.Tests.Fakes;

/// <summary>Item actions that leave a visible mark, so a test can tell the shim ran them.</summary>
internal static class Marks
{
    public static readonly ResourceIdentifier Secret = new("", "secrets", "web", "token");

    public static JsonObject Annotate(JsonObject item, string value)
    {
        var metadata = item["metadata"] as JsonObject ?? [];
        item["metadata"] = metadata;
        var annotations = metadata["annotations"] as JsonObject ?? [];
        metadata["annotations"] = annotations;
        annotations["test.io/seen-by"] = value;
        return item;
    }
}

internal sealed class FakeBackupAction : IBackupItemAction
{
    public Task<BackupItemActionResult> ExecuteAsync(JsonObject item, VeleroBackup backup, CancellationToken cancellationToken) =>
        Task.FromResult(new BackupItemActionResult(Marks.Annotate(item, "backup:" + backup.Name)) { AdditionalItems = [Marks.Secret] });
}

internal sealed class FakeBackupActionV2 : IBackupItemActionV2
{
    public Task<BackupItemActionV2Result> ExecuteAsync(JsonObject item, VeleroBackup backup, CancellationToken cancellationToken) =>
        Task.FromResult(new BackupItemActionV2Result(Marks.Annotate(item, "backup-v2")) { OperationId = "op-1", PostOperationItems = [Marks.Secret] });

    public Task<OperationProgress> ProgressAsync(string operationId, VeleroBackup backup, CancellationToken cancellationToken) =>
        Task.FromResult(new OperationProgress(Completed: false, CompletedUnits: 3, TotalUnits: 10, Units: "bytes", Description: operationId));

    public Task CancelAsync(string operationId, VeleroBackup backup, CancellationToken cancellationToken) =>
        operationId == "op-1" ? Task.CompletedTask : throw new InvalidInputException(operationId, "no such operation");
}

internal sealed class FakeRestoreAction : IRestoreItemAction
{
    public Task<RestoreItemActionResult> ExecuteAsync(JsonObject item, JsonObject itemFromBackup, VeleroRestore restore, CancellationToken cancellationToken) =>
        Task.FromResult(new RestoreItemActionResult(Marks.Annotate(item, "restore:" + restore.MapNamespace("web"))) { AdditionalItems = [Marks.Secret] });
}

internal sealed class FakeRestoreActionV2 : IRestoreItemActionV2
{
    public static readonly DateTimeOffset Started = new(2025, 5, 1, 10, 0, 0, TimeSpan.Zero);

    public Task<RestoreItemActionV2Result> ExecuteAsync(JsonObject item, JsonObject itemFromBackup, VeleroRestore restore, CancellationToken cancellationToken) =>
        Task.FromResult(new RestoreItemActionV2Result(item)
        {
            SkipRestore = true,
            OperationId = "restore-op",
            WaitForAdditionalItems = true,
            AdditionalItemsReadyTimeout = TimeSpan.FromSeconds(90),
        });

    public Task<OperationProgress> ProgressAsync(string operationId, VeleroRestore restore, CancellationToken cancellationToken) =>
        Task.FromResult(new OperationProgress(Completed: true, Error: "disk full", Started: Started));

    public Task CancelAsync(string operationId, VeleroRestore restore, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<bool> AreAdditionalItemsReadyAsync(IReadOnlyList<ResourceIdentifier> additionalItems, VeleroRestore restore, CancellationToken cancellationToken) =>
        Task.FromResult(additionalItems.Count == 1 && additionalItems[0] == Marks.Secret);
}

internal sealed class FakeDeleteAction : IDeleteItemAction
{
    public Task ExecuteAsync(JsonObject item, VeleroBackup backup, CancellationToken cancellationToken) =>
        ItemReference.Of(item).Name == "refuse" ? throw new InvalidItemException(ItemReference.Of(item), "metadata.name", "refused by the fake") : Task.CompletedTask;
}

internal sealed class FakeItemBlockAction : IItemBlockAction
{
    public Task<IReadOnlyList<ResourceIdentifier>> GetRelatedItemsAsync(JsonObject item, VeleroBackup backup, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ResourceIdentifier>>([Marks.Secret, new("apps", "deployments", "web", "frontend")]);
}

/// <summary>Fails the way an action meets a malformed item: an engine exception naming item and field.</summary>
internal sealed class FailingRestoreAction : IRestoreItemAction
{
    public Task<RestoreItemActionResult> ExecuteAsync(JsonObject item, JsonObject itemFromBackup, VeleroRestore restore, CancellationToken cancellationToken) =>
        throw new InvalidItemException(ItemReference.Of(item), "spec.containers[0].image", "must be a string, got a number");
}

/// <summary>Fails like a bug: an exception the engine does not report on purpose.</summary>
internal sealed class CrashingRestoreAction : IRestoreItemAction
{
    public Task<RestoreItemActionResult> ExecuteAsync(JsonObject item, JsonObject itemFromBackup, VeleroRestore restore, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("a bug in the fake");
}
