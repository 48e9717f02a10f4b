using System.Management.Automation;
using System.Net;
using System.Security;
using VeleroOpenShift.Cmdlets.Infrastructure;

namespace VeleroOpenShift.Cmdlets.Commands.OpenStack;

/// <summary>Sets the key Temp URLs are signed with: the account's, or a container's, which wins for its objects.</summary>
[Cmdlet(VerbsCommon.Set, "SwiftTempUrlKey", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(void))]
public sealed class SetSwiftTempUrlKeyCommand : SwiftCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNull]
    public SecureString? Key { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? Container { get; set; }

    protected override void ProcessRecord()
    {
        var account = Account;
        var target = Container ?? account.AccountUrl.AbsolutePath;
        if (!ShouldProcess(target, "Set Swift Temp URL key"))
        {
            return;
        }

        var key = new NetworkCredential(string.Empty, Key).Password;
        RunForItem(target, cancellationToken => account.SetTempUrlKeyAsync(Container, key, cancellationToken));
    }
}
