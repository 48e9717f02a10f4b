using System.Text.Json.Nodes;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift.Cluster;
using VeleroOpenShift.OpenShift.Common;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.OpenShift.Builds;

/// <summary>
/// Mirrors the original buildconfig restore (17): generated pull/push secrets are swapped for the live
/// service account's, and DockerImage references move to the restore cluster's registry (spec §9.2).
/// Divergence (RECOMMENDED): the updates of <c>source.images[*]</c> are applied (the original discarded them).
/// </summary>
public sealed class BuildConfigRestoreAction(IClusterLookups cluster) : IRestoreItemAction
{
    public async Task<RestoreItemActionResult> ExecuteAsync(JsonObject item, JsonObject itemFromBackup, VeleroRestore restore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(itemFromBackup);
        ArgumentNullException.ThrowIfNull(restore);
        var reference = ItemReference.Of(item);
        var targetNamespace = restore.MapNamespace(Metadata.Namespace(itemFromBackup, ItemReference.Of(itemFromBackup)));
        var secrets = await cluster.ListAsync(ApiResources.Secrets, targetNamespace, null, cancellationToken).ConfigureAwait(false);
        var context = new BuildSpecUpdate(
            cluster,
            secrets,
            Metadata.Annotation(item, OpenShiftConstants.BackupRegistryHostname, reference) ?? string.Empty,
            Metadata.Annotation(item, OpenShiftConstants.RestoreRegistryHostname, reference) ?? string.Empty,
            restore.NamespaceMapping,
            reference);
        if (ItemFields.GetObject(item, "spec", reference) is { } spec)
        {
            await context.UpdateCommonSpecAsync(spec, "spec", cancellationToken).ConfigureAwait(false);
        }

        return new RestoreItemActionResult(item);
    }
}
