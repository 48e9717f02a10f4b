using VeleroOpenShift.Errors;

namespace VeleroOpenShift.OpenStack.Volumes;

/// <summary>
/// A volume, snapshot, backup, image or share did not reach the wanted status: it went to an error status, or the
/// wait ran out of time. Names the resource and the last status seen, which is what an operator needs to look it up.
/// </summary>
public sealed class ResourceStateException : VeleroOpenShiftException
{
    public ResourceStateException(string resource, string lastStatus, bool timedOut, string message)
        : base(timedOut ? FailureKind.Timeout : FailureKind.RemoteFailure, resource, message, null)
    {
        Resource = resource;
        LastStatus = lastStatus;
        TimedOut = timedOut;
    }

    /// <summary>The resource as "volume 0c3f…", "share snapshot 51a2…".</summary>
    public string Resource { get; }

    /// <summary>The status of the last successful fetch; empty when none succeeded.</summary>
    public string LastStatus { get; }

    /// <summary>True when the wait ran out of time; false when the resource reached an error status.</summary>
    public bool TimedOut { get; }

    public override string ErrorId => TimedOut ? "OpenStackResourceWaitTimedOut" : "OpenStackResourceFailed";
}
