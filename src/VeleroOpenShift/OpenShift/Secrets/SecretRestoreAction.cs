using System.Text.Json.Nodes;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift.Common;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.OpenShift.Secrets;

/// <summary>Mirrors the original secret restore (18): serving-cert secrets are skipped; the service CA operator recreates them (spec §11).</summary>
public sealed class SecretRestoreAction : IRestoreItemAction
{
    public Task<RestoreItemActionResult> ExecuteAsync(JsonObject item, JsonObject itemFromBackup, VeleroRestore restore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Task.FromResult(Metadata.HasAnnotation(item, OpenShiftConstants.OriginatingServiceName, ItemReference.Of(item))
            ? RestoreItemActionResult.Skip(item)
            : new RestoreItemActionResult(item));
    }
}
