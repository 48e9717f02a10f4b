using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift.Cluster;
using VeleroOpenShift.OpenShift.Common;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.OpenShift.Workloads;

/// <summary>
/// Mirrors the original pod backup (07): marks the pod as backed up with the DeploymentConfig disconnect
/// fix (spec §8.1), and, like later upstream (§14.2), backs up the SCC the pod was admitted under.
/// A missing SCC (or a cluster without the SCC API) is a warning, not a failure.
/// </summary>
public sealed class PodBackupAction(IClusterLookups cluster, ILogger<PodBackupAction> logger) : IBackupItemAction
{
    public async Task<BackupItemActionResult> ExecuteAsync(JsonObject item, VeleroBackup backup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var reference = ItemReference.Of(item);
        Metadata.SetAnnotation(item, OpenShiftConstants.IncludesDmDcFix, "true", reference);
        var result = new BackupItemActionResult(item);
        if (Metadata.Annotation(item, OpenShiftConstants.PodScc, reference) is { Length: > 0 } scc)
        {
            if (await cluster.GetAsync(ApiResources.SecurityContextConstraints, null, scc, cancellationToken).ConfigureAwait(false) is not null)
            {
                result.AdditionalItems.Add(new ResourceIdentifier(OpenShiftConstants.SccGroup, OpenShiftConstants.SccResource, string.Empty, scc));
            }
            else
            {
                logger.LogWarning("{Item}: SecurityContextConstraints {Scc} not found; it is not backed up with the pod", reference, scc);
            }
        }

        return result;
    }
}
