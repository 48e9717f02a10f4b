using System.Text.Json.Nodes;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift.Common;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.OpenShift.Builds;

/// <summary>
/// Mirrors the original configmap restore (25): build CA ConfigMaps marked at backup are skipped, since
/// another cluster's CA breaks TLS to the registry (spec §9.4). Unreadable metadata leaves the item as it is.
/// </summary>
public sealed class ConfigMapRestoreAction : IRestoreItemAction
{
    public Task<RestoreItemActionResult> ExecuteAsync(JsonObject item, JsonObject itemFromBackup, VeleroRestore restore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var skip = item["metadata"] is JsonObject { } metadata
            && metadata["annotations"] is JsonObject annotations
            && annotations[OpenShiftConstants.SkipBuildConfigConfigMapRestore] is JsonValue value
            && value.TryGetValue(out string? text)
            && GoBoolean.IsTrue(text);
        return Task.FromResult(skip ? RestoreItemActionResult.Skip(item) : new RestoreItemActionResult(item));
    }
}
