using System.Text.Json.Nodes;
using VeleroOpenShift.Kube;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.Tests.Transform;

/// <summary>Small actions with visible effects, to test the machinery that runs real ones.</summary>
internal static class TestActions
{
    public sealed class Annotate(string key) : IRestoreItemAction, IBackupItemAction
    {
        public Task<RestoreItemActionResult> ExecuteAsync(JsonObject item, JsonObject itemFromBackup, VeleroRestore restore, CancellationToken cancellationToken)
        {
            ItemFields.SetString(item, $"metadata.annotations.{key}", ItemReference.Of(item).Namespace ?? "-", ItemReference.Of(item));
            return Task.FromResult(new RestoreItemActionResult(item));
        }

        public Task<BackupItemActionResult> ExecuteAsync(JsonObject item, VeleroBackup backup, CancellationToken cancellationToken)
        {
            ItemFields.SetString(item, $"metadata.annotations.{key}", backup.Name, ItemReference.Of(item));
            return Task.FromResult(new BackupItemActionResult(item) { AdditionalItems = [new ResourceIdentifier("", "secrets", "shop", "pull")] });
        }
    }

    public sealed class SkipAll : IRestoreItemAction
    {
        public Task<RestoreItemActionResult> ExecuteAsync(JsonObject item, JsonObject itemFromBackup, VeleroRestore restore, CancellationToken cancellationToken) =>
            Task.FromResult(RestoreItemActionResult.Skip(item));
    }

    public sealed class StartOperation : IRestoreItemActionV2
    {
        public Task<RestoreItemActionV2Result> ExecuteAsync(JsonObject item, JsonObject itemFromBackup, VeleroRestore restore, CancellationToken cancellationToken) =>
            Task.FromResult(new RestoreItemActionV2Result(item) { OperationId = "op-1" });

        public Task<OperationProgress> ProgressAsync(string operationId, VeleroRestore restore, CancellationToken cancellationToken) =>
            Task.FromResult(new OperationProgress(Completed: true));

        public Task CancelAsync(string operationId, VeleroRestore restore, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<bool> AreAdditionalItemsReadyAsync(IReadOnlyList<ResourceIdentifier> additionalItems, VeleroRestore restore, CancellationToken cancellationToken) =>
            Task.FromResult(true);
    }

    public static PluginCatalog Catalog() => new([
        PluginRegistration.RestoreItemAction("test.io/01-annotate-restore", PluginFamily.OpenShift, ResourceSelector.ForResources("pods", "services"), "annotates", _ => new Annotate("first")),
        PluginRegistration.RestoreItemAction("test.io/02-skip-secrets", PluginFamily.OpenShift, ResourceSelector.ForResources("secrets"), "skips", _ => new SkipAll()),
        PluginRegistration.RestoreItemActionV2("test.io/03-operation", PluginFamily.OpenShift, ResourceSelector.ForResources("services"), "starts an operation", _ => new StartOperation()),
        PluginRegistration.RestoreItemAction("test.io/04-annotate-again", PluginFamily.OpenShift, ResourceSelector.ForResources("secrets", "pods"), "annotates", _ => new Annotate("second")),
        PluginRegistration.BackupItemAction("test.io/05-annotate-backup", PluginFamily.OpenShift, ResourceSelector.ForResources("pods"), "annotates", _ => new Annotate("backup")),
    ]);
}
