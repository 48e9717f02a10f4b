using System.Management.Automation;
using VeleroOpenShift.Cmdlets.Infrastructure;
using VeleroOpenShift.Cmdlets.Output;

namespace VeleroOpenShift.Cmdlets.Commands.Manila;

/// <summary>Gets snapshots by id, or lists the project's snapshots, all of them or those of one share.</summary>
[Cmdlet(VerbsCommon.Get, "ManilaSnapshot", DefaultParameterSetName = ListSet)]
[OutputType(typeof(ManilaSnapshot))]
public sealed class GetManilaSnapshotCommand : ManilaCmdlet
{
    private const string ListSet = "List";
    private const string ByIdSet = "ById";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByIdSet)]
    [ValidateNotNullOrEmpty]
    public string[] SnapshotId { get; set; } = [];

    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    public string? ShareId { get; set; }

    protected override void ProcessRecord()
    {
        var account = Account;
        if (ParameterSetName == ByIdSet)
        {
            foreach (var id in SnapshotId)
            {
                RunForId(id, async cancellationToken =>
                    Pipeline.WriteObject(new ManilaSnapshot(await account.GetSnapshotAsync(id, cancellationToken).ConfigureAwait(false))));
            }

            return;
        }

        RunForId(ShareId ?? "snapshots", async cancellationToken =>
        {
            foreach (var snapshot in await account.ListSnapshotsAsync(ShareId, cancellationToken).ConfigureAwait(false))
            {
                Pipeline.WriteObject(new ManilaSnapshot(snapshot));
            }
        });
    }
}
