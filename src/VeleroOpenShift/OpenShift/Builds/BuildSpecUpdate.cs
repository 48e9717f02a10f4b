using System.Text.Json.Nodes;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift.Cluster;
using VeleroOpenShift.OpenShift.Common;

namespace VeleroOpenShift.OpenShift.Builds;

/// <summary>
/// The build "common spec" update of spec §9.2, in the original's order, stopping at the first pull-secret
/// error: output push secret and target, each strategy's pull secret and base image, then source images.
/// </summary>
internal sealed class BuildSpecUpdate(
    IClusterLookups cluster,
    IReadOnlyList<JsonObject> secretsInTargetNamespace,
    string backupRegistry,
    string restoreRegistry,
    IReadOnlyDictionary<string, string> mapping,
    ItemReference item)
{
    public async Task UpdateCommonSpecAsync(JsonObject spec, string path, CancellationToken cancellationToken)
    {
        if (Fields.Object(spec, "output", $"{path}.output", item) is { } output)
        {
            await SwapSecretAsync(output, "pushSecret", $"{path}.output", cancellationToken).ConfigureAwait(false);
            UpdateDockerReference(output, "to", $"{path}.output");
        }

        if (Fields.Object(spec, "strategy", $"{path}.strategy", item) is { } strategy)
        {
            foreach (var kind in (string[])["sourceStrategy", "dockerStrategy", "customStrategy"])
            {
                var strategyPath = $"{path}.strategy.{kind}";
                if (Fields.Object(strategy, kind, strategyPath, item) is { } chosen)
                {
                    await SwapSecretAsync(chosen, "pullSecret", strategyPath, cancellationToken).ConfigureAwait(false);
                    UpdateDockerReference(chosen, "from", strategyPath);
                }
            }
        }

        if (Fields.Object(spec, "source", $"{path}.source", item) is { } source)
        {
            var imagesPath = $"{path}.source.images";
            foreach (var (image, at) in Fields.Objects(Fields.Array(source, "images", imagesPath, item), imagesPath, item))
            {
                await SwapSecretAsync(image, "pullSecret", at, cancellationToken).ConfigureAwait(false);
                UpdateDockerReference(image, "from", at);
            }
        }
    }

    private async Task SwapSecretAsync(JsonObject parent, string key, string parentPath, CancellationToken cancellationToken)
    {
        var path = $"{parentPath}.{key}";
        var current = Fields.Object(parent, key, path, item);
        var updated = await PullSecrets.UpdateAsync(current, path, secretsInTargetNamespace, cluster, item, cancellationToken).ConfigureAwait(false);
        if (!ReferenceEquals(current, updated))
        {
            parent[key] = updated;
        }
    }

    // ImageStreamTag/ImageStreamImage references are left alone: Velero does not map them either.
    private void UpdateDockerReference(JsonObject parent, string key, string parentPath)
    {
        var path = $"{parentPath}.{key}";
        if (Fields.Object(parent, key, path, item) is not { } reference
            || Fields.String(reference, "kind", $"{path}.kind", item) != "DockerImage"
            || backupRegistry.Length == 0
            || restoreRegistry.Length == 0)
        {
            return;
        }

        if (Fields.String(reference, "name", $"{path}.name", item) is { } name
            && ImageReferences.TryReplacePrefix(name, backupRegistry, restoreRegistry, mapping, out var replaced))
        {
            reference["name"] = replaced;
        }
    }
}
