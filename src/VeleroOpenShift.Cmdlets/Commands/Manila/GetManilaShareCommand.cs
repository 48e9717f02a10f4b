using System.Management.Automation;
using VeleroOpenShift.Cmdlets.Infrastructure;
using VeleroOpenShift.Cmdlets.Output;

namespace VeleroOpenShift.Cmdlets.Commands.Manila;

/// <summary>Gets shares by id, or lists every share of the project.</summary>
[Cmdlet(VerbsCommon.Get, "ManilaShare", DefaultParameterSetName = ListSet)]
[OutputType(typeof(ManilaShare))]
public sealed class GetManilaShareCommand : ManilaCmdlet
{
    private const string ListSet = "List";
    private const string ByIdSet = "ById";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByIdSet)]
    [ValidateNotNullOrEmpty]
    public string[] ShareId { get; set; } = [];

    protected override void ProcessRecord()
    {
        var account = Account;
        if (ParameterSetName == ByIdSet)
        {
            foreach (var id in ShareId)
            {
                RunForId(id, async cancellationToken =>
                    Pipeline.WriteObject(new ManilaShare(await account.GetShareAsync(id, cancellationToken).ConfigureAwait(false))));
            }

            return;
        }

        RunForId("shares", async cancellationToken =>
        {
            foreach (var share in await account.ListSharesAsync(cancellationToken).ConfigureAwait(false))
            {
                Pipeline.WriteObject(new ManilaShare(share));
            }
        });
    }
}
