using System.Text.Json.Nodes;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift.Cluster;

namespace VeleroOpenShift.OpenShift.Common;

/// <summary>
/// Swaps a reference to a generated dockercfg pull secret for the one that belongs to the live service
/// account in the target namespace (spec §4.5). Restoring a namespace also restores the old generated
/// secrets, so only a secret the live SA points at (OCP ≥ 4.16) or whose SA UID matches (≤ 4.15) is valid.
/// </summary>
internal static class PullSecrets
{
    /// <summary>
    /// The reference to use instead of <paramref name="secretRef"/>: the same node for custom secrets,
    /// a new <c>{name}</c> object for generated ones, null for null.
    /// </summary>
    public static async Task<JsonObject?> UpdateAsync(
        JsonObject? secretRef,
        string path,
        IReadOnlyList<JsonObject> secretsInTargetNamespace,
        IClusterLookups cluster,
        ItemReference item,
        CancellationToken cancellationToken)
    {
        if (secretRef is null)
        {
            return null;
        }

        var name = Fields.String(secretRef, "name", $"{path}.name", item) ?? string.Empty;
        var prefix = OpenShiftConstants.DockercfgSecretPrefixes.FirstOrDefault(p => name.StartsWith(p, StringComparison.Ordinal));
        if (prefix is null)
        {
            return secretRef;
        }

        foreach (var secret in secretsInTargetNamespace)
        {
            var secretReference = ItemReference.Of(secret);
            var secretName = ItemFields.GetString(secret, "metadata.name", secretReference) ?? string.Empty;
            if (!secretName.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var secretNamespace = Metadata.Namespace(secret, secretReference);
            if (Metadata.Annotation(secret, OpenShiftConstants.PullSecretServiceAccount, secretReference) is { Length: > 0 } account)
            {
                var serviceAccount = await GetServiceAccountAsync(cluster, secretNamespace, account, cancellationToken).ConfigureAwait(false);
                if (Metadata.Annotation(serviceAccount, OpenShiftConstants.ServiceAccountPullSecretRef, ItemReference.Of(serviceAccount)) == secretName)
                {
                    return new JsonObject { ["name"] = secretName };
                }
            }
            else if (Metadata.Annotation(secret, OpenShiftConstants.LegacyServiceAccountName, secretReference) is { Length: > 0 } legacyAccount)
            {
                var serviceAccount = await GetServiceAccountAsync(cluster, secretNamespace, legacyAccount, cancellationToken).ConfigureAwait(false);
                var uid = ItemFields.GetString(serviceAccount, "metadata.uid", ItemReference.Of(serviceAccount));
                if (Metadata.Annotation(secret, OpenShiftConstants.LegacyServiceAccountUid, secretReference) == uid)
                {
                    return new JsonObject { ["name"] = secretName };
                }
            }
        }

        throw new ClusterLookupException(FailureKind.NotFound, $"{item} {path} {name}", "secret not found", 404);
    }

    private static async Task<JsonObject> GetServiceAccountAsync(IClusterLookups cluster, string ns, string name, CancellationToken cancellationToken) =>
        await cluster.GetAsync(ApiResources.ServiceAccounts, ns, name, cancellationToken).ConfigureAwait(false)
            ?? throw new ClusterLookupException(FailureKind.NotFound, ApiResources.ServiceAccounts.Describe(ns, name), "not found", 404);
}
