using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift.Common;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.OpenShift.Workloads;

/// <summary>
/// Mirrors the original deployment restore (13): pod-template images move to the restore cluster's registry
/// (spec §8.3). Divergence (RECOMMENDED, upstream #103): namespaces in the <c>image.openshift.io/triggers</c>
/// annotation are mapped too; an annotation that is not a JSON list is left alone with a warning, as the
/// trigger controller ignores it as well.
/// </summary>
public sealed class DeploymentRestoreAction(ILogger<DeploymentRestoreAction> logger) : IRestoreItemAction
{
    private const string TriggersAnnotation = "image.openshift.io/triggers";

    public Task<RestoreItemActionResult> ExecuteAsync(JsonObject item, JsonObject itemFromBackup, VeleroRestore restore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(restore);
        var reference = ItemReference.Of(item);
        var mapping = restore.NamespaceMapping;
        ContainerImages.SwapRegistry(item, "spec.template.spec", mapping, reference);
        if (mapping.Count > 0 && Metadata.Annotation(item, TriggersAnnotation, reference) is { Length: > 0 } triggers
            && MapTriggers(triggers, mapping, reference) is { } mapped)
        {
            Metadata.SetAnnotation(item, TriggersAnnotation, mapped, reference);
        }

        return Task.FromResult(new RestoreItemActionResult(item));
    }

    private string? MapTriggers(string triggers, IReadOnlyDictionary<string, string> mapping, ItemReference reference)
    {
        JsonArray? list;
        try
        {
            list = JsonNode.Parse(triggers) as JsonArray;
        }
        catch (JsonException)
        {
            list = null;
        }

        if (list is null)
        {
            logger.LogWarning("{Item}: annotation {Annotation} is not a JSON list; its namespaces are not mapped", reference, TriggersAnnotation);
            return null;
        }

        var changed = false;
        foreach (var trigger in list)
        {
            if (trigger is JsonObject { } t && t["from"] is JsonObject from
                && from["namespace"] is JsonValue nsValue && nsValue.TryGetValue(out string? ns)
                && mapping.TryGetValue(ns, out var target) && target.Length > 0)
            {
                from["namespace"] = target;
                changed = true;
            }
        }

        return changed ? KubeJson.Serialize(list) : null;
    }
}
