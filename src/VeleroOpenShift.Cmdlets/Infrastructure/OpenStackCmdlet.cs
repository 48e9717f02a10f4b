using System.Management.Automation;
using VeleroOpenShift.Cmdlets.Output;
using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenStack;

namespace VeleroOpenShift.Cmdlets.Infrastructure;

/// <summary>Base of the cmdlets that call a cloud: the session of -Session, else the runspace's last Connect-OpenStack.</summary>
public abstract class OpenStackCmdlet : VeleroAsyncCmdlet
{
    [Parameter]
    [ValidateNotNull]
    public OpenStackSession? Session { get; set; }

    /// <summary>The session to work with; without one, a terminating error that says how to get one.</summary>
    internal OpenStackSession ConnectedSession
    {
        get
        {
            var session = Session ?? OpenStackSessions.Current;
            if (session is null)
            {
                ThrowFailure(new OpenStackException(FailureKind.InvalidConfiguration, null, "There is no OpenStack session: run Connect-OpenStack first or pass -Session."));
            }

            return session!;
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
