using VeleroOpenShift.Errors;
using VeleroOpenShift.Kube;
using VeleroOpenShift.Velero.Archive;

namespace VeleroOpenShift.Velero.Transform;

/// <summary>
/// Shows what a restore of a backup tarball would create, without a cluster: reads the archive item by
/// item, applies the Restore's filters, runs the restore actions, applies the namespace mapping, and writes
/// each manifest that would be created under <c>&lt;output&gt;/&lt;namespace or _cluster&gt;/&lt;resource&gt;/&lt;name&gt;.json</c>.
/// </summary>
public sealed class RestorePreview
{
    /// <summary>Resources Velero never restores.</summary>
    private static readonly HashSet<string> NonRestorable =
    [
        "nodes", "events", "events.events.k8s.io", "backups.velero.io", "restores.velero.io",
        "resticrepositories.velero.io", "backuprepositories.velero.io", "csinodes.storage.k8s.io",
        "volumeattachments.storage.k8s.io",
    ];

    private readonly ItemTransformer _transformer;
    private readonly ResourceTypeCatalog _resources;

    public RestorePreview(ItemTransformer transformer, ResourceTypeCatalog? resources = null)
    {
        ArgumentNullException.ThrowIfNull(transformer);
        _transformer = transformer;
        _resources = resources ?? ResourceTypeCatalog.Default;
    }

    /// <param name="onItem">Told about every item read, whatever became of it.</param>
    /// <param name="onInvalidItem">Told about items of the archive that are not valid JSON (they are skipped).</param>
    public async Task<RestorePreviewSummary> RunAsync(
        Stream archive,
        string archiveName,
        VeleroRestore restore,
        string outputDirectory,
        Action<RestorePreviewItem>? onItem,
        Action<InvalidItemException>? onInvalidItem,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(restore);
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        var filter = RestoreFilter.Of(restore, _resources);
        var summary = new RestorePreviewSummary();
        var reader = new BackupArchiveReader(onInvalidItem: invalid =>
        {
            summary.CountInvalid();
            onInvalidItem?.Invoke(invalid);
        });

        await foreach (var entry in reader.ReadAsync(archive, archiveName, cancellationToken).ConfigureAwait(false))
        {
            var kind = ItemFields.GetString(entry.Item, "kind", new ItemReference(entry.Resource, entry.Namespace, entry.Name)) ?? entry.Resource;
            if (NonRestorable.Contains(entry.Resource) || !filter.Admits(entry))
            {
                summary.Count(kind, RestorePreviewOutcome.Filtered, changed: false);
                onItem?.Invoke(new RestorePreviewItem(entry, RestorePreviewOutcome.Filtered, null, null, null));
                continue;
            }

            ItemTransformResult result;
            try
            {
                result = await _transformer.RestoreAsync(entry.Item, restore, cancellationToken).ConfigureAwait(false);
            }
            catch (VeleroOpenShiftException failure)
            {
                // One item's failure does not stop a restore in Velero; it is recorded and the rest goes on.
                summary.Count(kind, RestorePreviewOutcome.Failed, changed: false);
                onItem?.Invoke(new RestorePreviewItem(entry, RestorePreviewOutcome.Failed, null, failure, null));
                continue;
            }

            var outcome = result.SkipRestore ? RestorePreviewOutcome.Skipped : RestorePreviewOutcome.Created;
            summary.Count(kind, outcome, result.Changed);
            var writtenTo = outcome == RestorePreviewOutcome.Created
                ? await WriteAsync(outputDirectory, entry, result, cancellationToken).ConfigureAwait(false)
                : null;
            onItem?.Invoke(new RestorePreviewItem(entry, outcome, result, null, writtenTo));
        }

        return summary;
    }

    private static async Task<string> WriteAsync(string outputDirectory, BackupArchiveEntry entry, ItemTransformResult result, CancellationToken cancellationToken)
    {
        var ns = ItemFields.GetString(result.Item, "metadata.namespace", result.Source);
        var folder = Path.Combine(outputDirectory, string.IsNullOrEmpty(ns) ? "_cluster" : ns, entry.Resource);
        Directory.CreateDirectory(folder);
        var name = ItemFields.GetString(result.Item, "metadata.name", result.Source) ?? entry.Name;
        var file = Path.Combine(folder, name + ".json");
        await using var stream = new FileStream(file, FileMode.Create, FileAccess.Write, FileShare.None, 16384, useAsync: true);
        KubeJson.Write(result.Item, stream, indented: true);
        await stream.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
        return file;
    }
}
