using System.Text.Json.Nodes;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift.Common;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.OpenShift.NonAdmin;

/// <summary>Mirrors the original non-admin restore (26): OADP's non-admin objects are skipped; the non-admin controller owns them (spec §11).</summary>
public sealed class NonAdminRestoreAction : IRestoreItemAction
{
    public Task<RestoreItemActionResult> ExecuteAsync(JsonObject item, JsonObject itemFromBackup, VeleroRestore restore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var reference = ItemReference.Of(item);
        var group = GroupOf(ItemFields.GetString(item, "apiVersion", reference));
        var kind = ItemFields.GetString(item, "kind", reference);
        return Task.FromResult(group == OpenShiftConstants.NonAdminGroup && kind is not null && OpenShiftConstants.NonAdminKinds.Contains(kind)
            ? RestoreItemActionResult.Skip(item)
            : new RestoreItemActionResult(item));
    }

    // The text before the first '/', as the original takes it (so "v1" is a group of its own, never this one).
    private static string GroupOf(string? apiVersion) =>
        apiVersion is null ? string.Empty : apiVersion.Split('/')[0];
}
