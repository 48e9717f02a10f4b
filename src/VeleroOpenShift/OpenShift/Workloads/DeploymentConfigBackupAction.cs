using System.Text.Json.Nodes;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift.Cluster;
using VeleroOpenShift.OpenShift.Common;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.OpenShift.Workloads;

/// <summary>
/// Mirrors the original deploymentconfig backup (08): records whether the DC's pods have restore hooks or
/// volumes and what labels they carry, so the restore can decide to scale the DC down while its pods'
/// volumes are restored (spec §8.6).
/// </summary>
public sealed class DeploymentConfigBackupAction(IClusterLookups cluster) : IBackupItemAction
{
    public async Task<BackupItemActionResult> ExecuteAsync(JsonObject item, VeleroBackup backup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var reference = ItemReference.Of(item);
        var selector = ItemFields.GetStringMap(item, "spec.selector", reference);
        var pods = await cluster.ListAsync(ApiResources.Pods, Metadata.Namespace(item, reference), string.Join(',', selector.Select(p => $"{p.Key}={p.Value}")), cancellationToken)
            .ConfigureAwait(false);

        var hasHooks = false;
        var hasVolumes = false;
        string? podLabels = null;
        foreach (var pod in pods)
        {
            var podReference = ItemReference.Of(pod);
            hasHooks |= RestoreHooks.PodHasRestoreHookAnnotations(pod, podReference);
            hasVolumes |= PodVolumes.HasVolumesToBackUp(pod, podReference);
            var labels = Metadata.Labels(pod, podReference);
            if (podLabels is null && labels.Count > 0)
            {
                podLabels = string.Join(',', labels.Select(l => $"{l.Key}={l.Value}").Order(StringComparer.Ordinal));
            }
        }

        Metadata.SetAnnotation(item, OpenShiftConstants.IncludesDmDcFix, "true", reference);
        Metadata.SetAnnotation(item, OpenShiftConstants.HasPodRestoreHooks, hasHooks ? "true" : "false", reference);
        Metadata.SetAnnotation(item, OpenShiftConstants.PodsHaveVolumes, hasVolumes ? "true" : "false", reference);
        Metadata.SetAnnotation(item, OpenShiftConstants.PodLabels, podLabels ?? string.Empty, reference);
        return new BackupItemActionResult(item);
    }
}
