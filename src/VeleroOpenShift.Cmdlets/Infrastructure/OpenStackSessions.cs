using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using VeleroOpenShift.Cmdlets.Output;

namespace VeleroOpenShift.Cmdlets.Infrastructure;

/// <summary>
/// The last session Connect-OpenStack made, per runspace: runspaces of ForEach-Object -Parallel or of a host's pool
/// each keep their own, which a process-wide static would mix up. A runspace that goes away takes its entry with it.
/// </summary>
internal static class OpenStackSessions
{
    private static readonly ConditionalWeakTable<Runspace, OpenStackSession> ByRunspace = [];

    public static void SetCurrent(OpenStackSession session) =>
        ByRunspace.AddOrUpdate(Runspace.DefaultRunspace ?? throw new InvalidOperationException("No runspace on this thread."), session);

    public static OpenStackSession? Current =>
        Runspace.DefaultRunspace is { } runspace && ByRunspace.TryGetValue(runspace, out var session) ? session : null;
}
