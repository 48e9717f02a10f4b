using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift.Cluster;
using VeleroOpenShift.OpenShift.Common;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.OpenShift.Builds;

/// <summary>
/// Mirrors the original configmap backup (25): a CA or system-config ConfigMap owned by a build pod is
/// marked so its restore is skipped (spec §9.3, upstream PR #277). Pod look-up failures are logged and ignored.
/// </summary>
public sealed class ConfigMapBackupAction(IClusterLookups cluster, ILogger<ConfigMapBackupAction> logger) : IBackupItemAction
{
    public async Task<BackupItemActionResult> ExecuteAsync(JsonObject item, VeleroBackup backup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var reference = ItemReference.Of(item);
        var name = ItemFields.GetString(item, "metadata.name", reference) ?? string.Empty;
        if (!OpenShiftConstants.BuildConfigMapSuffixes.Any(suffix => name.EndsWith(suffix, StringComparison.Ordinal))
            || Metadata.HasAnnotation(item, OpenShiftConstants.SkipBuildConfigConfigMapRestore, reference))
        {
            return new BackupItemActionResult(item);
        }

        var ns = Metadata.Namespace(item, reference);
        foreach (var owner in Metadata.OwnerReferences(item, reference).Where(o => o.Kind == "Pod"))
        {
            if (await IsBuildPodAsync(ns, owner.Name, reference, cancellationToken).ConfigureAwait(false))
            {
                Metadata.SetAnnotation(item, OpenShiftConstants.SkipBuildConfigConfigMapRestore, "true", reference);
                break;
            }
        }

        return new BackupItemActionResult(item);
    }

    private async Task<bool> IsBuildPodAsync(string ns, string podName, ItemReference reference, CancellationToken cancellationToken)
    {
        try
        {
            var pod = await cluster.GetAsync(ApiResources.Pods, ns, podName, cancellationToken).ConfigureAwait(false);
            return pod is not null && Metadata.Annotation(pod, OpenShiftConstants.BuildName, ItemReference.Of(pod)) is { Length: > 0 };
        }
        catch (VeleroOpenShiftException e)
        {
            logger.LogWarning(e, "{Item}: cannot read owner pod {Pod}; the ConfigMap is backed up unmarked", reference, podName);
            return false;
        }
    }
}
