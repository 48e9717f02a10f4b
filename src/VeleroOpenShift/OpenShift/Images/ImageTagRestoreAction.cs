using System.Text.Json.Nodes;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.OpenShift.Images;

/// <summary>Mirrors the original imagetag restore (23): imagetags are derived objects and always skipped (spec §7.8, upstream #79).</summary>
public sealed class ImageTagRestoreAction : IRestoreItemAction
{
    public Task<RestoreItemActionResult> ExecuteAsync(JsonObject item, JsonObject itemFromBackup, VeleroRestore restore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Task.FromResult(RestoreItemActionResult.Skip(item));
    }
}
