using System.Security.Cryptography;
using System.Text.Json.Nodes;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift.Common;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.OpenShift.Storage;

/// <summary>
/// Mirrors the later upstream VM file-restore PVC action (04-vmfr, spec §14.3, PRs #355/#359): when the
/// Restore asks for a VM file restore, each claim gets a unique concrete name (Velero needs one, so no
/// generateName) made of the backup name, the original name and a random suffix, and records both names
/// in annotations (labels would limit them to 63 characters). The name follows generateName's rules: at
/// most 63 characters with a five-character suffix from Kubernetes' alphabet; the exact upstream format
/// was not available.
/// </summary>
public sealed class VmFileRestorePvcRestoreAction(Func<string> randomSuffix) : IRestoreItemAction
{
    private const int MaxNameLength = 63;
    private const int SuffixLength = 5;

    // Kubernetes' generateName alphabet: no vowels (no words) and no look-alike characters.
    private static readonly char[] Alphabet = "bcdfghjklmnpqrstvwxz2456789".ToCharArray();

    public VmFileRestorePvcRestoreAction()
        : this(() => new string(RandomNumberGenerator.GetItems<char>(Alphabet, SuffixLength)))
    {
    }

    public Task<RestoreItemActionResult> ExecuteAsync(JsonObject item, JsonObject itemFromBackup, VeleroRestore restore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(restore);
        if (restore.Annotations.GetValueOrDefault(OpenShiftConstants.VmFileRestore) != "true")
        {
            return Task.FromResult(new RestoreItemActionResult(item));
        }

        var reference = ItemReference.Of(item);
        var original = Metadata.Name(item, reference);
        var backupName = restore.BackupName ?? string.Empty;
        var stem = $"{backupName}-{original}";
        if (stem.Length > MaxNameLength - SuffixLength - 1)
        {
            stem = stem[..(MaxNameLength - SuffixLength - 1)].TrimEnd('-', '.');
        }

        ItemFields.SetString(item, "metadata.name", $"{stem}-{randomSuffix()}", reference);
        Metadata.SetAnnotation(item, OpenShiftConstants.VmFileRestoreBackup, backupName, reference);
        Metadata.SetAnnotation(item, OpenShiftConstants.VmFileRestoreOriginalName, original, reference);
        return Task.FromResult(new RestoreItemActionResult(item));
    }
}
