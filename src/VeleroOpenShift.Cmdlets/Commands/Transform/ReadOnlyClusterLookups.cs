using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using VeleroOpenShift.OpenShift.Cluster;
using VeleroOpenShift.Velero;

namespace VeleroOpenShift.Cmdlets.Commands.Transform;

/// <summary>
/// A live cluster seen by the transform cmdlets, which promise to change nothing: reads go to the cluster,
/// a replacement an action asks for (the migration PV backup's Retain policy) is only logged, and the
/// object is answered back as if the server had stored it, so the action's result on the item is unchanged.
/// </summary>
internal sealed class ReadOnlyClusterLookups(IClusterLookups cluster, ILogger logger) : IClusterLookups, IDisposable
{
    public Task<ServerVersion> GetServerVersionAsync(CancellationToken cancellationToken) => cluster.GetServerVersionAsync(cancellationToken);

    public Task<string> GetInternalRegistryHostnameAsync(CancellationToken cancellationToken) => cluster.GetInternalRegistryHostnameAsync(cancellationToken);

    public Task<VeleroBackup> GetBackupForRestoreAsync(VeleroRestore restore, CancellationToken cancellationToken) => cluster.GetBackupForRestoreAsync(restore, cancellationToken);

    public Task<OpenShiftClusterFacts> GetOpenShiftClusterFactsAsync(CancellationToken cancellationToken) => cluster.GetOpenShiftClusterFactsAsync(cancellationToken);

    public Task<BackupStorageLocation> GetBackupStorageLocationAsync(string ns, string name, CancellationToken cancellationToken) =>
        cluster.GetBackupStorageLocationAsync(ns, name, cancellationToken);

    public Task<JsonObject?> GetAsync(ApiResource resource, string? ns, string name, CancellationToken cancellationToken) => cluster.GetAsync(resource, ns, name, cancellationToken);

    public Task<IReadOnlyList<JsonObject>> ListAsync(ApiResource resource, string? ns, string? labelSelector, CancellationToken cancellationToken) =>
        cluster.ListAsync(resource, ns, labelSelector, cancellationToken);

    public Task<JsonObject> ReplaceAsync(ApiResource resource, JsonObject obj, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(obj);
        logger.LogInformation("Not replacing {Object} in the cluster: the transform cmdlets change nothing", Kube.ItemReference.Of(obj));
        return Task.FromResult(obj.DeepClone().AsObject());
    }

    public void Dispose() => (cluster as IDisposable)?.Dispose();
}
