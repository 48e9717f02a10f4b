using System.Text.Json.Nodes;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift.Common;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.OpenShift.Workloads;

/// <summary>
/// Mirrors the original HPA restore (24): a scale target of the legacy <c>v1</c> DeploymentConfig API gets
/// <c>apps.openshift.io/v1</c> (spec §8.8). Divergence (RECOMMENDED): only that one field changes, instead
/// of a round trip through <c>autoscaling/v2beta1</c> that corrupted v2 metrics and dropped <c>behavior</c>.
/// </summary>
public sealed class HorizontalPodAutoscalerRestoreAction : IRestoreItemAction
{
    public Task<RestoreItemActionResult> ExecuteAsync(JsonObject item, JsonObject itemFromBackup, VeleroRestore restore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var reference = ItemReference.Of(item);
        var target = ItemFields.GetObject(item, "spec.scaleTargetRef", reference);
        if (target is null || !target.Any(member => member.Value is not null && !(member.Value is JsonValue v && v.TryGetValue(out string? s) && s.Length == 0)))
        {
            return Task.FromResult(new RestoreItemActionResult(item));
        }

        var apiVersion = ItemFields.GetString(item, "spec.scaleTargetRef.apiVersion", reference) ?? string.Empty;
        var kind = ItemFields.GetString(item, "spec.scaleTargetRef.kind", reference);
        var parts = apiVersion.Split('/');
        if (parts.Length > 2)
        {
            throw new InvalidItemException(reference, "spec.scaleTargetRef.apiVersion", $"unexpected GroupVersion string: {apiVersion}");
        }

        if (parts.Length == 1 && apiVersion == "v1" && kind == "DeploymentConfig")
        {
            target["apiVersion"] = OpenShiftConstants.DeploymentConfigApiVersion;
        }

        return Task.FromResult(new RestoreItemActionResult(item));
    }
}
