using System.Collections;
using System.Globalization;
using System.Management.Automation;
using VeleroOpenShift.Cmdlets.Infrastructure;
using VeleroOpenShift.Cmdlets.Output;
using CinderMethod = VeleroOpenShift.OpenStack.Cinder.CinderMethod;

namespace VeleroOpenShift.Cmdlets.Commands.Cinder;

/// <summary>
/// Preserves volumes as Velero's Cinder snapshotter does, by the chosen method (a snapshot, a clone, a backup or a
/// Glance image), and waits until what it made is ready.
/// </summary>
[Cmdlet(VerbsCommon.New, "CinderSnapshot", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(CinderSnapshot))]
public sealed class NewCinderSnapshotCommand : CinderCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] VolumeId { get; set; } = [];

    [Parameter]
    public CinderMethod Method { get; set; } = CinderMethod.Snapshot;

    /// <summary>Metadata to add, over the volume's own (Velero passes velero.io/backup, velero.io/pv, ...).</summary>
    [Parameter]
    [ValidateNotNull]
    public Hashtable Tag { get; set; } = [];

    /// <summary>How long to wait for what is created (and, for clones, for the source volume).</summary>
    [Parameter]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(5);

    private protected override IReadOnlyDictionary<string, string> LocationConfig => new Dictionary<string, string>
    {
        ["volumeTimeout"] = Duration(Timeout), ["snapshotTimeout"] = Duration(Timeout),
        ["backupTimeout"] = Duration(Timeout), ["imageTimeout"] = Duration(Timeout),
    };

    protected override void ProcessRecord()
    {
        var tags = Tag.Cast<DictionaryEntry>().ToDictionary(
            entry => Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "",
            entry => Convert.ToString(entry.Value, CultureInfo.InvariantCulture) ?? "",
            StringComparer.Ordinal);
        foreach (var id in VolumeId)
        {
            if (!ShouldProcess(id, $"Create Cinder {MethodName(Method)} of volume"))
            {
                continue;
            }

            RunForItem(id, async (account, cancellationToken) =>
            {
                var progress = new WaitProgress(Pipeline, 1, $"Creating a {MethodName(Method)} of Cinder volume {id}");
                progress.Report("creating");
                var snapshotId = await account.CreateSnapshotAsync(id, Method, tags, cancellationToken).ConfigureAwait(false);
                progress.Complete();
                Pipeline.WriteObject(Method == CinderMethod.Snapshot
                    ? new CinderSnapshot(await account.GetSnapshotAsync(snapshotId, cancellationToken).ConfigureAwait(false))
                    : new CinderSnapshot(snapshotId, Method, id));
            });
        }
    }
}
