using System.Text.Json.Nodes;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.OpenShift.Builds;

/// <summary>Mirrors the original build restore (06): builds are always skipped; their BuildConfigs recreate them (spec §9.1).</summary>
public sealed class BuildRestoreAction : IRestoreItemAction
{
    public Task<RestoreItemActionResult> ExecuteAsync(JsonObject item, JsonObject itemFromBackup, VeleroRestore restore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Task.FromResult(RestoreItemActionResult.Skip(item));
    }
}
