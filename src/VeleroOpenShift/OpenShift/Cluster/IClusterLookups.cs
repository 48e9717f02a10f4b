using System.Text.Json.Nodes;
using VeleroOpenShift.Velero;

namespace VeleroOpenShift.OpenShift.Cluster;

/// <summary>
/// Everything the OpenShift actions ask of a cluster. Objects are returned as JSON trees exactly as the
/// API serves them. Failures are <see cref="Errors.ClusterLookupException"/>s; a 404 on a list means the
/// API is not served. Implementations: a live cluster through KubernetesClient, and offline values.
/// </summary>
public interface IClusterLookups
{
    /// <summary>The server version (spec §3.1), cached.</summary>
    Task<ServerVersion> GetServerVersionAsync(CancellationToken cancellationToken);

    /// <summary>The internal image registry's host name (spec §3.2), cached; empty when there is none.</summary>
    Task<string> GetInternalRegistryHostnameAsync(CancellationToken cancellationToken);

    /// <summary>The Backup a restore reads from (spec §3.3), cached per restore.</summary>
    Task<VeleroBackup> GetBackupForRestoreAsync(VeleroRestore restore, CancellationToken cancellationToken);

    /// <summary>ClusterVersion and image-registry facts (spec §3.5).</summary>
    Task<OpenShiftClusterFacts> GetOpenShiftClusterFactsAsync(CancellationToken cancellationToken);

    /// <summary>A BackupStorageLocation with its credential secret resolved (spec §3.4).</summary>
    Task<BackupStorageLocation> GetBackupStorageLocationAsync(string ns, string name, CancellationToken cancellationToken);

    /// <summary>One object, or null when it does not exist (or its API is not served).</summary>
    Task<JsonObject?> GetAsync(ApiResource resource, string? ns, string name, CancellationToken cancellationToken);

    /// <summary>The objects of a collection in the order the server lists them.</summary>
    Task<IReadOnlyList<JsonObject>> ListAsync(ApiResource resource, string? ns, string? labelSelector, CancellationToken cancellationToken);

    /// <summary>Replaces an existing object with <paramref name="obj"/> (a PUT); returns what the server stored.</summary>
    Task<JsonObject> ReplaceAsync(ApiResource resource, JsonObject obj, CancellationToken cancellationToken);
}
