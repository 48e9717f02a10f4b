using System.Management.Automation;
using VeleroOpenShift.Cmdlets.Infrastructure;
using VeleroOpenShift.Cmdlets.Output;

namespace VeleroOpenShift.Cmdlets.Commands.OpenStack;

/// <summary>Lists the containers of the session's Swift account, optionally filtered by name.</summary>
[Cmdlet(VerbsCommon.Get, "SwiftContainer")]
[OutputType(typeof(SwiftContainer))]
public sealed class GetSwiftContainerCommand : SwiftCmdlet
{
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Container { get; set; }

    protected override void EndProcessing()
    {
        var account = Account;
        var patterns = Container?.Select(p => WildcardPattern.Get(p, WildcardOptions.IgnoreCase)).ToList();
        RunForItem(account.AccountUrl.AbsolutePath, async cancellationToken =>
        {
            await foreach (var info in account.ListContainersAsync(cancellationToken).ConfigureAwait(false))
            {
                if (patterns is null || patterns.Any(p => p.IsMatch(info.Name)))
                {
                    Pipeline.WriteObject(new SwiftContainer(info));
                }
            }
        });
    }
}
