using System.Text.Json.Nodes;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift.Common;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.OpenShift.Images;

/// <summary>
/// Mirrors the original imagestream backup (19-is), spec §7.1: in the migration workflow, or with
/// OPENSHIFT_IMAGESTREAM_BACKUP through the backup storage location, the stream's internal images are
/// copied to the intermediate registry; otherwise the stream is backed up as a plain object. The copy
/// itself goes through <see cref="IImageCopier"/>.
/// </summary>
public sealed class ImageStreamBackupAction(OpenShiftOptions options) : IBackupItemAction
{
    public async Task<BackupItemActionResult> ExecuteAsync(JsonObject item, VeleroBackup backup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(backup);
        var reference = ItemReference.Of(item);
        string migrationRegistry;
        string? transport = null;
        if (!Workflow.IsMigration(backup))
        {
            if (!options.ImageStreamBackup)
            {
                return new BackupItemActionResult(item);
            }

            transport = await options.ImageCopier.OpenStorageLocationTransportAsync(
                new StorageLocationTransportRequest(backup.Uid, backup.StorageLocation ?? string.Empty, backup.Namespace ?? string.Empty), cancellationToken).ConfigureAwait(false);
            migrationRegistry = OpenShiftConstants.BslRegistryPrefix;
        }
        else
        {
            migrationRegistry = backup.Annotations.GetValueOrDefault(OpenShiftConstants.MigrationRegistry) ?? string.Empty;
        }

        if (backup.Annotations.GetValueOrDefault(OpenShiftConstants.DisableImageCopy) == "true")
        {
            Metadata.SetAnnotation(item, OpenShiftConstants.MigrationRegistry, migrationRegistry, reference);
            Metadata.SetAnnotation(item, OpenShiftConstants.DisableImageCopy, "true", reference);
            // The original clears omitempty Go slices, so the tag lists are absent from its output.
            ItemFields.Remove(item, "spec.tags", reference);
            ItemFields.Remove(item, "status.tags", reference);
            return new BackupItemActionResult(item);
        }

        if (Metadata.Annotation(item, OpenShiftConstants.SkipImageCopy, reference) == "true")
        {
            return new BackupItemActionResult(item);
        }

        Metadata.SetAnnotation(item, OpenShiftConstants.MigrationRegistry, migrationRegistry, reference);
        if (migrationRegistry.Length == 0)
        {
            throw new InvalidConfigurationException(OpenShiftConstants.MigrationRegistry, "migration registry not found for annotation \"openshift.io/migration\"");
        }

        var internalRegistry = Metadata.Annotation(item, OpenShiftConstants.BackupRegistryHostname, reference) ?? string.Empty;
        var plan = new ImageStreamCopyPlan(
            internalRegistry, internalRegistry, migrationRegistry, Metadata.Namespace(item, reference), UpdateDigest: true,
            RegistryContext.InternalRegistry, RegistryContext.MigrationRegistry, transport);
        await new ImageStreamCopy(options.ImageCopier).CopyAsync(item, plan, cancellationToken).ConfigureAwait(false);
        return new BackupItemActionResult(item);
    }
}
