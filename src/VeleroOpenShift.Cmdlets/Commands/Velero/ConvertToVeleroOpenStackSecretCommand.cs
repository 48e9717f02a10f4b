using System.Management.Automation;
using VeleroOpenShift.Cmdlets.Infrastructure;
using VeleroOpenShift.Cmdlets.Output;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Velero.Manifests;

namespace VeleroOpenShift.Cmdlets.Commands.Velero;

/// <summary>
/// Writes the Kubernetes Secret (YAML) holding the OS_* variables the OpenStack plugin authenticates with, for the
/// Velero container's envFrom. Takes an application credential from New-OpenStackApplicationCredential, or explicit
/// credentials.
/// </summary>
[Cmdlet(VerbsData.ConvertTo, "VeleroOpenStackSecret", DefaultParameterSetName = IssuedSet)]
[OutputType(typeof(string))]
public sealed class ConvertToVeleroOpenStackSecretCommand : VeleroCmdlet
{
    private const string IssuedSet = "IssuedCredential";
    private const string ApplicationCredentialSet = "ApplicationCredential";
    private const string PasswordSet = "Password";

    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = IssuedSet)]
    [ValidateNotNull]
    public OpenStackApplicationCredential? InputObject { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ApplicationCredentialSet)]
    [Parameter(Mandatory = true, ParameterSetName = PasswordSet)]
    [ValidateNotNull]
    public Uri? AuthUrl { get; set; }

    /// <summary>The application credential's id as user name and its secret as password.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ApplicationCredentialSet)]
    [Credential]
    [ValidateNotNull]
    public PSCredential? ApplicationCredential { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = PasswordSet)]
    [Credential]
    [ValidateNotNull]
    public PSCredential? Credential { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = PasswordSet)]
    [ValidateNotNullOrEmpty]
    public string ProjectName { get; set; } = "";

    [Parameter(ParameterSetName = PasswordSet)]
    [ValidateNotNullOrEmpty]
    public string ProjectDomainName { get; set; } = "Default";

    [Parameter(ParameterSetName = PasswordSet)]
    [ValidateNotNullOrEmpty]
    public string UserDomainName { get; set; } = "Default";

    /// <summary>OS_REGION_NAME; for an issued credential, its session's region when not given.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Region { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "openstack-cloud-credentials";

    /// <summary>Velero's namespace: velero for a plain install, openshift-adp for OADP.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string Namespace { get; set; } = "velero";

    protected override void ProcessRecord()
    {
        try
        {
            WriteObject(OpenStackManifests.CredentialSecret(Name, Namespace, Variables()));
        }
        catch (VeleroOpenShiftException e)
        {
            WriteFailure(e, $"Secret {Namespace}/{Name}");
        }
    }

    private List<KeyValuePair<string, string>> Variables()
    {
        List<KeyValuePair<string, string>> variables = ParameterSetName switch
        {
            IssuedSet =>
            [
                new("OS_AUTH_URL", InputObject!.AuthUrl.ToString()),
                new("OS_APPLICATION_CREDENTIAL_ID", InputObject.Id),
                new("OS_APPLICATION_CREDENTIAL_SECRET", InputObject.Credential.GetNetworkCredential().Password),
            ],
            ApplicationCredentialSet =>
            [
                new("OS_AUTH_URL", AuthUrl!.ToString()),
                new("OS_APPLICATION_CREDENTIAL_ID", ApplicationCredential!.UserName),
                new("OS_APPLICATION_CREDENTIAL_SECRET", ApplicationCredential.GetNetworkCredential().Password),
            ],
            _ =>
            [
                new("OS_AUTH_URL", AuthUrl!.ToString()),
                new("OS_IDENTITY_API_VERSION", "3"),
                new("OS_USERNAME", Credential!.UserName),
                new("OS_PASSWORD", Credential.GetNetworkCredential().Password),
                new("OS_USER_DOMAIN_NAME", UserDomainName),
                new("OS_PROJECT_NAME", ProjectName),
                new("OS_PROJECT_DOMAIN_NAME", ProjectDomainName),
            ],
        };
        if ((Region ?? InputObject?.Region) is { Length: > 0 } region)
        {
            variables.Add(new("OS_REGION_NAME", region));
        }

        return variables;
    }
}
