using System.Management.Automation;
using VeleroOpenShift.Cmdlets.Infrastructure;
using VeleroOpenShift.Cmdlets.Output;

namespace VeleroOpenShift.Cmdlets.Commands.Cinder;

/// <summary>Lists the Cinder snapshots of the project or of the volumes piped in, or gets those named by -SnapshotId.</summary>
[Cmdlet(VerbsCommon.Get, "CinderSnapshot", DefaultParameterSetName = ByVolume)]
[OutputType(typeof(CinderSnapshot))]
public sealed class GetCinderSnapshotCommand : CinderCmdlet
{
    private const string ByVolume = "ByVolume";
    private const string ById = "ById";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ById, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] SnapshotId { get; set; } = [];

    /// <summary>Only the snapshots of these volumes.</summary>
    [Parameter(ParameterSetName = ByVolume, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[]? VolumeId { get; set; }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == ById)
        {
            foreach (var id in SnapshotId)
            {
                RunForItem(id, async (account, cancellationToken) =>
                    Pipeline.WriteObject(new CinderSnapshot(await account.GetSnapshotAsync(id, cancellationToken).ConfigureAwait(false))));
            }

            return;
        }

        foreach (var volumeId in VolumeId?.Select(id => (string?)id) ?? [null])
        {
            RunForItem(volumeId ?? "snapshots", async (account, cancellationToken) =>
            {
                await foreach (var snapshot in account.ListSnapshotsAsync(volumeId, cancellationToken).ConfigureAwait(false))
                {
                    Pipeline.WriteObject(new CinderSnapshot(snapshot));
                }
            });
        }
    }
}
