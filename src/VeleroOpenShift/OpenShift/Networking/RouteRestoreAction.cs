using System.Text.Json.Nodes;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift.Common;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.OpenShift.Networking;

/// <summary>Mirrors the original route restore (05): a generated host is dropped so the destination generates its own (spec §11).</summary>
public sealed class RouteRestoreAction : IRestoreItemAction
{
    public Task<RestoreItemActionResult> ExecuteAsync(JsonObject item, JsonObject itemFromBackup, VeleroRestore restore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var reference = ItemReference.Of(item);
        if (Metadata.Annotation(item, OpenShiftConstants.RouteHostGenerated, reference) == "true")
        {
            ItemFields.Remove(item, "spec.host", reference);
        }

        return Task.FromResult(new RestoreItemActionResult(item));
    }
}
