using System.Management.Automation;
using VeleroOpenShift.Cmdlets.Output;
using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenStack;
using VeleroOpenShift.OpenStack.Swift;

namespace VeleroOpenShift.Cmdlets.Infrastructure;

/// <summary>Base of the Swift cmdlets: the account of -Session, else of the runspace's last Connect-OpenStack.</summary>
public abstract class SwiftCmdlet : VeleroAsyncCmdlet
{
    [Parameter]
    [ValidateNotNull]
    public OpenStackSession? Session { get; set; }

    /// <summary>The account to work on; without one, a terminating error that says how to get one.</summary>
    internal SwiftAccount Account
    {
        get
        {
            var session = Session ?? OpenStackSessions.Current;
            if (session is null)
            {
                ThrowFailure(new OpenStackException(FailureKind.InvalidConfiguration, null, "There is no OpenStack session: run Connect-OpenStack first or pass -Session."));
            }

            return session!.Account;
        }
    }

    /// <summary>Runs one item's engine work; its failure is reported against <paramref name="target"/> and the pipeline goes on.</summary>
    protected void RunForItem(string target, Func<CancellationToken, Task> work)
    {
        try
        {
            RunEngine(work);
        }
        catch (Exception e) when (e is VeleroOpenShiftException or IOException or UnauthorizedAccessException or HttpRequestException)
        {
            WriteFailure(e, e is VeleroOpenShiftException { Target: { } engineTarget } ? engineTarget : target);
        }
    }
}
