using VeleroOpenShift.OpenStack.Swift;

namespace VeleroOpenShift.Cmdlets.Infrastructure;

/// <summary>Base of the Swift cmdlets: the Swift account of the session they work with.</summary>
public abstract class SwiftCmdlet : OpenStackCmdlet
{
    internal SwiftAccount Account => ConnectedSession.Account;
}
