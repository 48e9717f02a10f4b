using System.Management.Automation;
using VeleroOpenShift.Cmdlets.Infrastructure;
using VeleroOpenShift.Cmdlets.Output;
using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenStack.Swift;

namespace VeleroOpenShift.Cmdlets.Commands.OpenStack;

/// <summary>
/// Authenticates to one cloud the way the Velero plugin does (clouds.yaml, OS_* variables, or explicit credentials)
/// and makes the session the runspace's current one for the Swift cmdlets.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "OpenStack", DefaultParameterSetName = CloudSet)]
[OutputType(typeof(OpenStackSession))]
public sealed class ConnectOpenStackCommand : VeleroAsyncCmdlet
{
    private const string CloudSet = "Cloud";
    private const string EnvironmentSet = "FromEnvironment";
    private const string PasswordSet = "Password";
    private const string ApplicationCredentialSet = "ApplicationCredential";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = CloudSet)]
    [ValidateNotNullOrEmpty]
    public string Cloud { get; set; } = "";

    [Parameter(Mandatory = true, ParameterSetName = EnvironmentSet)]
    public SwitchParameter FromEnvironment { get; set; }

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PasswordSet)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ApplicationCredentialSet)]
    [ValidateNotNull]
    public Uri? AuthUrl { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = PasswordSet)]
    [Credential]
    [ValidateNotNull]
    public PSCredential? Credential { get; set; }

    [Parameter(ParameterSetName = PasswordSet)]
    [ValidateNotNullOrEmpty]
    public string? ProjectName { get; set; }

    [Parameter(ParameterSetName = PasswordSet)]
    [ValidateNotNullOrEmpty]
    public string ProjectDomainName { get; set; } = "Default";

    [Parameter(ParameterSetName = PasswordSet)]
    [ValidateNotNullOrEmpty]
    public string UserDomainName { get; set; } = "Default";

    /// <summary>The application credential's id as user name and its secret as password.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ApplicationCredentialSet)]
    [Credential]
    [ValidateNotNull]
    public PSCredential? ApplicationCredential { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Region { get; set; }

    [Parameter]
    public SwitchParameter SkipCertificateCheck { get; set; }

    protected override void EndProcessing()
    {
        Func<string, string?> processEnvironment = Environment.GetEnvironmentVariable;
        (string? cloud, string source, Func<string, string?> variables) = ParameterSetName switch
        {
            CloudSet => (Cloud, $"cloud {Cloud}", processEnvironment),
            EnvironmentSet => ((string?)null, "environment", processEnvironment),
            PasswordSet => (null, $"{AuthUrl} as {Credential!.UserName}", Explicit(PasswordVariables())),
            _ => (null, $"{AuthUrl} with application credential {ApplicationCredential!.UserName}", Explicit(ApplicationCredentialVariables())),
        };

        WriteVerbose($"Authenticating with {source}");
        SwiftAccount? account = null;
        try
        {
            RunEngine(async cancellationToken =>
                account = await SwiftAccount.ConnectAsync(cloud, Overridden(variables), Services.LoggerFactory, Services.Time, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (e is VeleroOpenShiftException or HttpRequestException or IOException)
        {
            ThrowFailure(e, source);
        }

        var session = new OpenStackSession(account!, source, Region, cloud, Overridden(variables));
        OpenStackSessions.SetCurrent(session);
        WriteObject(session);
    }

    // Explicit credentials stand alone: an OS_CLOUD or OS_PASSWORD in the environment must not mix in.
    private static Func<string, string?> Explicit(Dictionary<string, string> variables) => variables.GetValueOrDefault;

    private Dictionary<string, string> PasswordVariables()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["OS_AUTH_URL"] = AuthUrl!.ToString(),
            ["OS_USERNAME"] = Credential!.UserName,
            ["OS_PASSWORD"] = Credential.GetNetworkCredential().Password,
            ["OS_USER_DOMAIN_NAME"] = UserDomainName,
            ["OS_PROJECT_DOMAIN_NAME"] = ProjectDomainName,
        };
        if (ProjectName is not null)
        {
            variables["OS_PROJECT_NAME"] = ProjectName;
        }

        return variables;
    }

    private Dictionary<string, string> ApplicationCredentialVariables() => new(StringComparer.Ordinal)
    {
        ["OS_AUTH_URL"] = AuthUrl!.ToString(),
        ["OS_APPLICATION_CREDENTIAL_ID"] = ApplicationCredential!.UserName,
        ["OS_APPLICATION_CREDENTIAL_SECRET"] = ApplicationCredential.GetNetworkCredential().Password,
    };

    // -Region and -SkipCertificateCheck win over what the environment or clouds.yaml say.
    private Func<string, string?> Overridden(Func<string, string?> variables) => name => name switch
    {
        "OS_REGION_NAME" or "OS_SWIFT_REGION_NAME" when Region is not null => Region,
        "TLS_SKIP_VERIFY" when SkipCertificateCheck => "true",
        _ => variables(name),
    };
}
