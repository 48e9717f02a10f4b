using System.Text.Json.Nodes;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift.Cluster;

namespace VeleroOpenShift.OpenShift.Common;

/// <summary>
/// Records a cluster's server version and internal registry host name on an item, under the backup or the
/// restore annotation keys, so later actions can compare the two clusters.
/// </summary>
internal static class ClusterFactsStamp
{
    public static async Task ApplyAsync(JsonObject item, IClusterLookups cluster, string versionAnnotation, string registryAnnotation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var reference = ItemReference.Of(item);
        ItemFields.EnsureObject(item, "metadata.annotations", reference);
        var version = await cluster.GetServerVersionAsync(cancellationToken).ConfigureAwait(false);
        var registry = await cluster.GetInternalRegistryHostnameAsync(cancellationToken).ConfigureAwait(false);
        Metadata.SetAnnotation(item, versionAnnotation, version.ToString(), reference);
        Metadata.SetAnnotation(item, registryAnnotation, registry, reference);
    }
}
