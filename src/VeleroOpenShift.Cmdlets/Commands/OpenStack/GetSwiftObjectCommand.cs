using System.Management.Automation;
using VeleroOpenShift.Cmdlets.Infrastructure;
using VeleroOpenShift.Cmdlets.Output;

namespace VeleroOpenShift.Cmdlets.Commands.OpenStack;

/// <summary>Lists the objects of a container, all of them or those under a prefix; with -Delimiter, one level at a time.</summary>
[Cmdlet(VerbsCommon.Get, "SwiftObject")]
[OutputType(typeof(SwiftObject))]
public sealed class GetSwiftObjectCommand : SwiftCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Container { get; set; } = "";

    [Parameter(Position = 1)]
    [ValidateNotNull]
    public string Prefix { get; set; } = "";

    /// <summary>Groups names that continue past this character after the prefix into one pseudo-folder row.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Delimiter { get; set; }

    protected override void ProcessRecord()
    {
        var account = Account;
        RunForItem(Container, async cancellationToken =>
        {
            await foreach (var info in account.ListObjectsAsync(Container, Prefix, Delimiter ?? "", cancellationToken).ConfigureAwait(false))
            {
                Pipeline.WriteObject(new SwiftObject(info));
            }
        });
    }
}
