using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift.Cluster;
using VeleroOpenShift.OpenShift.Common;
using VeleroOpenShift.Velero;

namespace VeleroOpenShift.OpenShift.ServiceAccounts;

/// <summary>
/// Which SecurityContextConstraints name each service account as a user (spec §6.1), so that an SA is
/// backed up with the SCCs it needs. Divergences (RECOMMENDED): the index is built per backup UID and
/// dropped a minute after its last use, instead of growing forever under the backup name; a cluster
/// without the SCC API has no SCCs (upstream #98); an SCC is named once per SA.
/// </summary>
internal sealed class ServiceAccountSccIndex(IClusterLookups cluster, TimeProvider time, ILogger logger)
{
    private readonly ExpiringCache<Dictionary<(string Namespace, string Name), List<string>>> _byBackup = new(time);

    public async Task<IReadOnlyList<ResourceIdentifier>> RelatedItemsAsync(JsonObject serviceAccount, VeleroBackup backup, CancellationToken cancellationToken)
    {
        var reference = ItemReference.Of(serviceAccount);
        var key = backup.Uid.Length > 0 ? backup.Uid : $"{backup.Namespace}/{backup.Name}";
        if (!_byBackup.TryGet(key, out var index))
        {
            index = await BuildAsync(cancellationToken).ConfigureAwait(false);
            _byBackup.Set(key, index);
        }

        var ns = Metadata.Namespace(serviceAccount, reference);
        var name = Metadata.Name(serviceAccount, reference);
        return index!.TryGetValue((ns, name), out var sccs)
            ? [.. sccs.Select(scc => new ResourceIdentifier(OpenShiftConstants.SccGroup, OpenShiftConstants.SccResource, string.Empty, scc))]
            : [];
    }

    private async Task<Dictionary<(string, string), List<string>>> BuildAsync(CancellationToken cancellationToken)
    {
        var index = new Dictionary<(string, string), List<string>>();
        IReadOnlyList<JsonObject> sccs;
        try
        {
            sccs = await cluster.ListAsync(ApiResources.SecurityContextConstraints, null, null, cancellationToken).ConfigureAwait(false);
        }
        catch (ClusterLookupException e) when (e.IsNotFound)
        {
            logger.LogWarning("The cluster does not serve security.openshift.io SecurityContextConstraints; service accounts are backed up without SCCs");
            return index;
        }

        foreach (var scc in sccs)
        {
            var sccReference = ItemReference.Of(scc);
            var sccName = Metadata.Name(scc, sccReference);
            foreach (var user in Fields.Strings(ItemFields.GetArray(scc, "users", sccReference), "users", sccReference))
            {
                var parts = user.Split(':');
                if (parts.Length < 3 || parts[1] != "serviceaccount" || parts[2].Length == 0)
                {
                    continue;
                }

                if (parts.Length == 3)
                {
                    foreach (var account in await cluster.ListAsync(ApiResources.ServiceAccounts, parts[2], null, cancellationToken).ConfigureAwait(false))
                    {
                        Add(index, parts[2], Metadata.Name(account, ItemReference.Of(account)), sccName);
                    }
                }
                else if (parts[3].Length > 0)
                {
                    Add(index, parts[2], parts[3], sccName);
                }
            }
        }

        return index;
    }

    private static void Add(Dictionary<(string, string), List<string>> index, string ns, string name, string scc)
    {
        if (!index.TryGetValue((ns, name), out var list))
        {
            index[(ns, name)] = list = [];
        }

        if (!list.Contains(scc))
        {
            list.Add(scc);
        }
    }
}
