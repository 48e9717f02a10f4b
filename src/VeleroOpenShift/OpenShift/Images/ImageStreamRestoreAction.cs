using System.Text.Json.Nodes;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift.Cluster;
using VeleroOpenShift.OpenShift.Common;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.OpenShift.Images;

/// <summary>
/// Mirrors the original imagestream restore (19-is), spec §7.2: when images were copied at backup, they are
/// pushed from the intermediate registry into the restore cluster's registry (which recreates the stream
/// and its tags, so the stream itself is skipped); otherwise the stream is restored as a plain object.
/// The copy itself goes through <see cref="IImageCopier"/>.
/// </summary>
public sealed class ImageStreamRestoreAction(IClusterLookups cluster, OpenShiftOptions options) : IRestoreItemAction
{
    public async Task<RestoreItemActionResult> ExecuteAsync(JsonObject item, JsonObject itemFromBackup, VeleroRestore restore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(itemFromBackup);
        ArgumentNullException.ThrowIfNull(restore);
        var reference = ItemReference.Of(item);
        string migrationRegistry;
        string? transport = null;
        if (!Workflow.IsMigration(restore))
        {
            var backup = await cluster.GetBackupForRestoreAsync(restore, cancellationToken).ConfigureAwait(false);
            if (!options.ImageStreamBackup)
            {
                return new RestoreItemActionResult(item);
            }

            transport = await options.ImageCopier.OpenStorageLocationTransportAsync(
                new StorageLocationTransportRequest(backup.Uid, backup.StorageLocation ?? string.Empty, backup.Namespace ?? string.Empty), cancellationToken).ConfigureAwait(false);
            migrationRegistry = OpenShiftConstants.BslRegistryPrefix;
        }
        else
        {
            migrationRegistry = restore.Annotations.GetValueOrDefault(OpenShiftConstants.MigrationRegistry) ?? string.Empty;
        }

        if (Metadata.Annotation(item, OpenShiftConstants.DisableImageCopy, reference) == "true"
            || Metadata.Annotation(item, OpenShiftConstants.SkipImageCopy, reference) == "true")
        {
            return new RestoreItemActionResult(item);
        }

        Metadata.SetAnnotation(item, OpenShiftConstants.MigrationRegistry, migrationRegistry, reference);
        if (migrationRegistry.Length == 0)
        {
            throw new InvalidConfigurationException(OpenShiftConstants.MigrationRegistry, "migration registry not found for annotation \"openshift.io/migration\"");
        }

        var backupReference = ItemReference.Of(itemFromBackup);
        var plan = new ImageStreamCopyPlan(
            Metadata.Annotation(item, OpenShiftConstants.BackupRegistryHostname, reference) ?? string.Empty,
            migrationRegistry,
            Metadata.Annotation(item, OpenShiftConstants.RestoreRegistryHostname, reference) ?? string.Empty,
            restore.MapNamespace(Metadata.Namespace(itemFromBackup, backupReference)),
            UpdateDigest: false,
            RegistryContext.MigrationRegistry,
            RegistryContext.InternalRegistry,
            transport);
        await new ImageStreamCopy(options.ImageCopier).CopyAsync(itemFromBackup, plan, cancellationToken).ConfigureAwait(false);
        return RestoreItemActionResult.Skip(item);
    }
}
