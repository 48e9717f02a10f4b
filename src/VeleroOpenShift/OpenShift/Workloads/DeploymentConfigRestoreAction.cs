using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift.Cluster;
using VeleroOpenShift.OpenShift.Common;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.OpenShift.Workloads;

/// <summary>
/// Mirrors the original deploymentconfig restore (08), spec §8.7: images move to the restore cluster's
/// registry, image-change triggers follow the namespace mapping, and a DC whose pods get volumes or hooks
/// restored is scaled to zero (original replicas and paused state kept in annotations) so it does not
/// kill them. Divergence (RECOMMENDED): a trigger's namespace is mapped by its own namespace, not by the
/// DC's, which the original used by mistake.
/// </summary>
public sealed class DeploymentConfigRestoreAction(IClusterLookups cluster, ILogger<DeploymentConfigRestoreAction> logger) : IRestoreItemAction
{
    public async Task<RestoreItemActionResult> ExecuteAsync(JsonObject item, JsonObject itemFromBackup, VeleroRestore restore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(restore);
        var reference = ItemReference.Of(item);
        var mapping = restore.NamespaceMapping;
        ContainerImages.SwapRegistry(item, "spec.template.spec", mapping, reference);
        if (mapping.Count > 0)
        {
            MapTriggerNamespaces(item, mapping, reference);
        }

        var replicas = ItemFields.GetInt64(item, "spec.replicas", reference) ?? 0;
        if (replicas > 0 && await ShouldDisconnectAsync(item, restore, reference, cancellationToken).ConfigureAwait(false))
        {
            var paused = ItemFields.GetBoolean(item, "spec.paused", reference) ?? false;
            Metadata.SetAnnotation(item, OpenShiftConstants.OriginalReplicas, replicas.ToString(CultureInfo.InvariantCulture), reference);
            Metadata.SetAnnotation(item, OpenShiftConstants.OriginalPaused, paused ? "true" : "false", reference);
            var spec = ItemFields.EnsureObject(item, "spec", reference);
            spec["replicas"] = 0;
            // The original sets a false omitempty Go field, so its output has no "paused" at all.
            spec.Remove("paused");
            Metadata.SetLabel(item, OpenShiftConstants.ReplicasModifiedLabel, LabelSafeValue.FromName(restore.Name), reference);
        }

        return new RestoreItemActionResult(item);
    }

    private static void MapTriggerNamespaces(JsonObject item, IReadOnlyDictionary<string, string> mapping, ItemReference reference)
    {
        foreach (var (trigger, path) in Fields.Objects(ItemFields.GetArray(item, "spec.triggers", reference), "spec.triggers", reference))
        {
            var from = Fields.Object(trigger, "imageChangeParams", $"{path}.imageChangeParams", reference) is { } parameters
                ? Fields.Object(parameters, "from", $"{path}.imageChangeParams.from", reference)
                : null;
            if (from is not null
                && Fields.String(from, "namespace", $"{path}.imageChangeParams.from.namespace", reference) is { } ns
                && mapping.TryGetValue(ns, out var target) && target.Length > 0)
            {
                from["namespace"] = target;
            }
        }
    }

    private async Task<bool> ShouldDisconnectAsync(JsonObject dc, VeleroRestore restore, ItemReference reference, CancellationToken cancellationToken)
    {
        if (Metadata.Annotation(dc, OpenShiftConstants.IncludesDmDcFix, reference) is { Length: > 0 })
        {
            return Metadata.Annotation(dc, OpenShiftConstants.PodsHaveVolumes, reference) == "true"
                || Metadata.Annotation(dc, OpenShiftConstants.HasPodRestoreHooks, reference) == "true"
                || RestoreHooks.RestoreHasRestoreHooks(restore, Metadata.Namespace(dc, reference), ParseLabels(Metadata.Annotation(dc, OpenShiftConstants.PodLabels, reference)));
        }

        return await FsBackupDefault.IsOnAsync(cluster, restore, reference, logger, cancellationToken).ConfigureAwait(false);
    }

    // "k=v,k=v" as written at backup; anything unparsable reads as no labels, as in the original.
    private static Dictionary<string, string> ParseLabels(string? text)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(text))
        {
            return labels;
        }

        foreach (var pair in text.Split(','))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return [];
            }

            labels[pair[..equals].Trim()] = pair[(equals + 1)..].Trim();
        }

        return labels;
    }
}
