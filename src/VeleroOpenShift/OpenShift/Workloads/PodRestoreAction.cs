using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift.Cluster;
using VeleroOpenShift.OpenShift.Common;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.OpenShift.Workloads;

/// <summary>
/// Mirrors the original pod restore (07), spec §8.2: skips build pods and controller-owned pods that need
/// no volume restore or hooks, disconnects DeploymentConfig pods that do, moves images, swaps generated
/// pull secrets once the target namespace has them, and turns migration stage pods into sleepers.
/// Divergences (RECOMMENDED): a cluster without the ClusterVersion API means "do not wait"; the wait is
/// limited from its own start; init containers' mounts are filtered for stage pods.
/// </summary>
public sealed class PodRestoreAction(IClusterLookups cluster, TimeProvider time, ILogger<PodRestoreAction> logger) : IRestoreItemAction
{
    private bool? _waitForPullSecrets;

    public async Task<RestoreItemActionResult> ExecuteAsync(JsonObject item, JsonObject itemFromBackup, VeleroRestore restore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(itemFromBackup);
        ArgumentNullException.ThrowIfNull(restore);
        var reference = ItemReference.Of(item);
        var backupReference = ItemReference.Of(itemFromBackup);
        if (Metadata.Annotation(itemFromBackup, OpenShiftConstants.BuildName, backupReference) is { Length: > 0 })
        {
            return RestoreItemActionResult.Skip(item);
        }

        ItemFields.Remove(item, "spec.nodeSelector", reference);
        var owners = Metadata.OwnerReferences(itemFromBackup, backupReference);
        var hooks = RestoreHooks.RestoreDeclaresHooks(restore) && RestoreHooks.PodHasRestoreHooks(item, restore, reference);
        var volumes = PodVolumes.HasVolumesToBackUp(item, reference);
        if (owners.Count > 0 && !volumes && !hooks)
        {
            return RestoreItemActionResult.Skip(item);
        }

        // Only backups from before the dm-dc fix need the Backup; reading it lazily keeps offline previews quiet.
        var disconnect = Metadata.Annotation(item, OpenShiftConstants.IncludesDmDcFix, reference) is { Length: > 0 }
            ? hooks || volumes
            : await FsBackupDefault.IsOnAsync(cluster, restore, reference, logger, cancellationToken).ConfigureAwait(false);
        if (disconnect)
        {
            DisconnectFromDeploymentConfig(item, restore, reference);
        }

        ContainerImages.SwapRegistry(item, "spec", restore.NamespaceMapping, reference);

        var targetNamespace = restore.MapNamespace(Metadata.Namespace(itemFromBackup, backupReference));
        _ = await cluster.GetAsync(ApiResources.Namespaces, null, targetNamespace, cancellationToken).ConfigureAwait(false)
            ?? throw new ClusterLookupException(FailureKind.NotFound, ApiResources.Namespaces.Describe(null, targetNamespace), "not found", 404);
        if (await ShouldWaitForPullSecretsAsync(cancellationToken).ConfigureAwait(false))
        {
            var secrets = await new PullSecretWait(cluster, time).WaitAsync(targetNamespace, cancellationToken).ConfigureAwait(false);
            await SwapPullSecretsAsync(item, secrets, reference, cancellationToken).ConfigureAwait(false);
        }

        if (Metadata.Label(item, OpenShiftConstants.IncludedInStageBackupLabel, reference) is { Length: > 0 }
            && restore.Annotations.TryGetValue(OpenShiftConstants.StagePodImage, out var stageImage) && stageImage.Length > 0)
        {
            StagePods.Convert(item, stageImage, reference);
        }

        return new RestoreItemActionResult(item);
    }

    private static void DisconnectFromDeploymentConfig(JsonObject pod, VeleroRestore restore, ItemReference reference)
    {
        if (Metadata.Label(pod, OpenShiftConstants.DeploymentLabel, reference) is { Length: > 0 }
            && Metadata.Label(pod, OpenShiftConstants.DeploymentConfigLabel, reference) is { Length: > 0 })
        {
            Metadata.RemoveLabel(pod, OpenShiftConstants.DeploymentLabel, reference);
            Metadata.RemoveLabel(pod, OpenShiftConstants.DeploymentConfigLabel, reference);
            Metadata.SetLabel(pod, OpenShiftConstants.DisconnectedFromDcLabel, LabelSafeValue.FromName(restore.Name), reference);
        }
    }

    /// <summary>
    /// Generated dockercfg secrets never appear when the registry is off on OCP ≥ 4.15, so waiting would
    /// hang; decided once per action instance (spec §8.2 step 11).
    /// </summary>
    private async Task<bool> ShouldWaitForPullSecretsAsync(CancellationToken cancellationToken)
    {
        if (_waitForPullSecrets is { } decided)
        {
            return decided;
        }

        var facts = await cluster.GetOpenShiftClusterFactsAsync(cancellationToken).ConfigureAwait(false);
        var registryOff = !facts.RegistryCapabilityEnabled || facts.RegistryRemoved;
        var recentOpenShift = (facts.Major == 4 && facts.Minor >= 15) || facts.Major > 4;
        var wait = facts.IsOpenShift && !(registryOff && recentOpenShift);
        _waitForPullSecrets = wait;
        return wait;
    }

    private async Task SwapPullSecretsAsync(JsonObject pod, IReadOnlyList<JsonObject> secrets, ItemReference reference, CancellationToken cancellationToken)
    {
        var list = ItemFields.GetArray(pod, "spec.imagePullSecrets", reference);
        foreach (var ((secretRef, path), index) in Fields.Objects(list, "spec.imagePullSecrets", reference).ToList().Select((entry, i) => (entry, i)))
        {
            var updated = await PullSecrets.UpdateAsync(secretRef, path, secrets, cluster, reference, cancellationToken).ConfigureAwait(false);
            if (!ReferenceEquals(updated, secretRef))
            {
                list![index] = updated;
            }
        }
    }
}
