using System.Management.Automation;
using VeleroOpenShift.Cmdlets.Infrastructure;
using VeleroOpenShift.Cmdlets.Output;
using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenStack.Auth;

namespace VeleroOpenShift.Cmdlets.Commands.OpenStack;

/// <summary>
/// Creates a Keystone application credential for the session's user in the session's project: the credential to give
/// Velero instead of a password (it can expire, be limited to some roles, and be revoked on its own).
/// </summary>
[Cmdlet(VerbsCommon.New, "OpenStackApplicationCredential", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(OpenStackApplicationCredential))]
public sealed class NewOpenStackApplicationCredentialCommand : OpenStackCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "";

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Description { get; set; }

    [Parameter]
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>Role names to keep; without it the credential has every role the session's token has.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[] Role { get; set; } = [];

    [Parameter]
    public SwitchParameter Unrestricted { get; set; }

    protected override void EndProcessing()
    {
        var session = ConnectedSession;
        if (ExpiresAt is { } expiry && expiry <= Services.Time.GetUtcNow())
        {
            ThrowFailure(new InvalidInputException("-ExpiresAt", $"{expiry:O} is in the past: Keystone would refuse the credential"), Name);
        }

        if (!ShouldProcess($"{Name} in {session.Source}", "Create OpenStack application credential"))
        {
            return;
        }

        var request = new ApplicationCredentialRequest(Name, Description, ExpiresAt, Role, Unrestricted);
        RunForItem(Name, async cancellationToken =>
        {
            var issued = await ApplicationCredentialIssuer.CreateAsync(session.Cloud, session.EnvironmentVariable, request, Services.LoggerFactory, Services.Time, cancellationToken).ConfigureAwait(false);
            Pipeline.WriteObject(new OpenStackApplicationCredential(issued, session.Region));
        });
    }
}
