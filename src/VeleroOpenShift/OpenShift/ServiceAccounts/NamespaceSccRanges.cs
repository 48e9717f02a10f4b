using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift.Cluster;
using VeleroOpenShift.OpenShift.Common;

namespace VeleroOpenShift.OpenShift.ServiceAccounts;

/// <summary>
/// The namespace UID/GID/MCS ranges check of later upstream (spec §14.4, upstream #448): file ownership
/// restored into a namespace with other ranges silently breaks. Namespaces never reach restore actions, so
/// the backup copies the source namespace's ranges onto each ServiceAccount under bookkeeping keys, and the
/// restore compares them with the target namespace, warns per mismatch and removes the keys. The original's
/// key strings were not available; these are <c>oadp.openshift.io/backup-namespace-sa.scc.*</c>.
/// </summary>
internal sealed class NamespaceSccRanges(IClusterLookups cluster, TimeProvider time, ILogger logger)
{
    public static readonly IReadOnlyList<(string NamespaceKey, string BookkeepingKey)> Keys =
    [
        .. new[] { OpenShiftConstants.NamespaceSccUidRange, OpenShiftConstants.NamespaceSccSupplementalGroups, OpenShiftConstants.NamespaceSccMcs }
            .Select(key => (key, OpenShiftConstants.BackupNamespaceSccPrefix + key["openshift.io/".Length..])),
    ];

    private readonly ExpiringCache<IReadOnlyDictionary<string, string>> _namespaces = new(time);

    /// <summary>Copies the ranges of the SA's namespace onto it (namespace annotations cached per backup).</summary>
    public async Task RecordAsync(JsonObject serviceAccount, string backupKey, CancellationToken cancellationToken)
    {
        var reference = ItemReference.Of(serviceAccount);
        var ns = Metadata.Namespace(serviceAccount, reference);
        if (ns.Length == 0)
        {
            return;
        }

        if (!_namespaces.TryGet($"{backupKey}/{ns}", out var annotations))
        {
            var namespaceObject = await cluster.GetAsync(ApiResources.Namespaces, null, ns, cancellationToken).ConfigureAwait(false);
            annotations = namespaceObject is null ? new Dictionary<string, string>() : Metadata.Annotations(namespaceObject, ItemReference.Of(namespaceObject));
            _namespaces.Set($"{backupKey}/{ns}", annotations);
        }

        foreach (var (namespaceKey, bookkeepingKey) in Keys)
        {
            if (annotations!.TryGetValue(namespaceKey, out var value))
            {
                Metadata.SetAnnotation(serviceAccount, bookkeepingKey, value, reference);
            }
        }
    }

    /// <summary>Warns about ranges that differ in <paramref name="targetNamespace"/> and removes the bookkeeping keys.</summary>
    public async Task CheckAndForgetAsync(JsonObject serviceAccount, string targetNamespace, CancellationToken cancellationToken)
    {
        var reference = ItemReference.Of(serviceAccount);
        var recorded = Keys
            .Select(k => (k.NamespaceKey, k.BookkeepingKey, Value: Metadata.Annotation(serviceAccount, k.BookkeepingKey, reference)))
            .Where(k => k.Value is not null)
            .ToList();
        if (recorded.Count == 0)
        {
            return;
        }

        foreach (var (_, bookkeepingKey, _) in recorded)
        {
            Metadata.RemoveAnnotation(serviceAccount, bookkeepingKey, reference);
        }

        IReadOnlyDictionary<string, string> current;
        try
        {
            var target = await cluster.GetAsync(ApiResources.Namespaces, null, targetNamespace, cancellationToken).ConfigureAwait(false);
            current = target is null ? new Dictionary<string, string>() : Metadata.Annotations(target, ItemReference.Of(target));
        }
        catch (VeleroOpenShiftException e)
        {
            logger.LogWarning(e, "{Item}: cannot read namespace {Namespace} to compare its SCC ranges", reference, targetNamespace);
            return;
        }

        foreach (var (namespaceKey, _, value) in recorded)
        {
            var now = current.GetValueOrDefault(namespaceKey);
            if (now != value)
            {
                logger.LogWarning(
                    "{Item}: namespace {Namespace} has {Key}={Current}, the backup had {Backed}; restored files may be owned by IDs outside the namespace's range",
                    reference, targetNamespace, namespaceKey, now ?? "<none>", value);
            }
        }
    }
}
