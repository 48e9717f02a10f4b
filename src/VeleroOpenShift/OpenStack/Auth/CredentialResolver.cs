using Microsoft.Extensions.Logging;
using VeleroOpenShift.Errors;

namespace VeleroOpenShift.OpenStack.Auth;

/// <summary>
/// Decides what a plugin authenticates with (spec §3.1 steps 2–5): clouds.yaml when a cloud is named, else the
/// Swift-only variables, else the environment; then the identity version and the environment fill-in.
/// </summary>
internal sealed class CredentialResolver
{
    private readonly EnvironmentVariables _environment;
    private readonly CloudsYaml _cloudsYaml;
    private readonly ILogger _logger;

    public CredentialResolver(EnvironmentVariables environment, CloudConfigFiles files, ILogger logger)
    {
        _environment = environment;
        _cloudsYaml = new CloudsYaml(files);
        _logger = logger;
    }

    /// <param name="service"><c>swift</c>, <c>cinder</c> or <c>manila</c>; only Swift reads the OS_SWIFT_* set.</param>
    /// <param name="configuredCloud">The location's <c>cloud</c> value; null when the key is absent.</param>
    public ResolvedCloud Resolve(string service, string? configuredCloud)
    {
        var entry = new CloudEntry();
        var source = "environment";
        if (service == "swift" && _environment.IsSet("OS_SWIFT_AUTH_URL"))
        {
            _logger.LogDebug("Trying to authenticate against SwiftStack using special swift environment variables (see README.md)");
            entry.Auth = SwiftOnlyRecord();
            source = "OS_SWIFT_* environment";
        }
        else
        {
            _logger.LogDebug("Trying to authenticate against OpenStack using environment variables (including application credentials) or using files ~/.config/openstack/clouds.yaml, /etc/openstack/clouds.yaml and ./clouds.yaml");
            entry.Auth.AllowReauth = true;
        }

        var cloudName = !string.IsNullOrEmpty(configuredCloud) ? configuredCloud : _environment.NonEmpty("OS_CLOUD");
        if (cloudName is not null)
        {
            // The file's entry replaces the record above entirely, "re-auth allowed" included (spec §3.1 step 4).
            entry = _cloudsYaml.Load(cloudName);
            source = $"clouds.yaml cloud {cloudName}";
        }

        var version = SelectVersion(entry);
        FillFromEnvironment(entry.Auth, version);
        return new ResolvedCloud(entry, version, source);
    }

    private AuthInfo SwiftOnlyRecord() => new()
    {
        ApplicationCredentialId = _environment.Get("OS_SWIFT_APPLICATION_CREDENTIAL_ID") ?? "",
        ApplicationCredentialName = _environment.Get("OS_SWIFT_APPLICATION_CREDENTIAL_NAME") ?? "",
        ApplicationCredentialSecret = _environment.Get("OS_SWIFT_APPLICATION_CREDENTIAL_SECRET") ?? "",
        AuthUrl = _environment.Get("OS_SWIFT_AUTH_URL") ?? "",
        Username = _environment.Get("OS_SWIFT_USERNAME") ?? "",
        UserId = _environment.Get("OS_SWIFT_USER_ID") ?? "",
        Password = _environment.Get("OS_SWIFT_PASSWORD") ?? "",
        DomainId = _environment.Get("OS_SWIFT_DOMAIN_ID") ?? "",
        DomainName = _environment.Get("OS_SWIFT_DOMAIN_NAME") ?? "",
        ProjectName = _environment.Get("OS_SWIFT_PROJECT_NAME") ?? "",
        ProjectId = _environment.Get("OS_SWIFT_PROJECT_ID") ?? "",
        UserDomainName = _environment.Get("OS_SWIFT_USER_DOMAIN_NAME") ?? "",
        UserDomainId = _environment.Get("OS_SWIFT_USER_DOMAIN_ID") ?? "",
        ProjectDomainName = _environment.Get("OS_SWIFT_PROJECT_DOMAIN_NAME") ?? "",
        ProjectDomainId = _environment.Get("OS_SWIFT_PROJECT_DOMAIN_ID") ?? "",
        AllowReauth = true,
    };

    // Spec §3.5 rules 1–4, plus this module's Swift v1 extension where the reference would fall to its default.
    private IdentityVersion SelectVersion(CloudEntry entry)
    {
        var requested = _environment.NonEmpty("OS_IDENTITY_API_VERSION") ?? entry.IdentityApiVersion;
        if (requested.Length > 0)
        {
            return requested switch
            {
                "3" => IdentityVersion.V3,
                "2" or "2.0" => IdentityVersion.V2,
                "1" or "1.0" => IdentityVersion.SwiftV1,
                _ => throw new OpenStackException(FailureKind.InvalidConfiguration, "identity_api_version", $"failed to build auth options: unable to build AuthOptions: identity API version \"{requested}\" is not one of 2, 2.0, 3"),
            };
        }

        var url = entry.Auth.AuthUrl.Length > 0 ? entry.Auth.AuthUrl : _environment.NonEmpty("OS_AUTH_URL") ?? "";
        if (url.Contains("v3", StringComparison.Ordinal))
        {
            return IdentityVersion.V3;
        }

        if (url.Contains("v2.0", StringComparison.Ordinal))
        {
            return IdentityVersion.V2;
        }

        return entry.AuthType switch
        {
            "v2password" or "v2token" => IdentityVersion.V2,
            "v1password" => IdentityVersion.SwiftV1,
            _ when url.TrimEnd('/').EndsWith("/auth/v1.0", StringComparison.Ordinal) => IdentityVersion.SwiftV1,
            _ => IdentityVersion.V3,
        };
    }

    // Spec §3.3: the environment fills blanks only; empty variables count as unset; for pairs the later one wins.
    private void FillFromEnvironment(AuthInfo auth, IdentityVersion version)
    {
        auth.AuthUrl = Fill(auth.AuthUrl, "OS_AUTH_URL");
        auth.Token = Fill(auth.Token, "OS_TOKEN", "OS_AUTH_TOKEN");
        auth.Username = Fill(auth.Username, "OS_USERNAME");
        auth.Password = Fill(auth.Password, "OS_PASSWORD");
        auth.ProjectId = Fill(auth.ProjectId, "OS_TENANT_ID", "OS_PROJECT_ID");
        auth.ProjectName = Fill(auth.ProjectName, "OS_TENANT_NAME", "OS_PROJECT_NAME");
        if (version == IdentityVersion.V2)
        {
            return;
        }

        auth.UserId = Fill(auth.UserId, "OS_USER_ID");
        auth.DomainId = Fill(auth.DomainId, "OS_DOMAIN_ID");
        auth.DomainName = Fill(auth.DomainName, "OS_DOMAIN_NAME");
        auth.DefaultDomain = Fill(auth.DefaultDomain, "OS_DEFAULT_DOMAIN");
        auth.ProjectDomainId = Fill(auth.ProjectDomainId, "OS_PROJECT_DOMAIN_ID");
        auth.ProjectDomainName = Fill(auth.ProjectDomainName, "OS_PROJECT_DOMAIN_NAME");
        auth.UserDomainId = Fill(auth.UserDomainId, "OS_USER_DOMAIN_ID");
        auth.UserDomainName = Fill(auth.UserDomainName, "OS_USER_DOMAIN_NAME");
        auth.ApplicationCredentialId = Fill(auth.ApplicationCredentialId, "OS_APPLICATION_CREDENTIAL_ID");
        auth.ApplicationCredentialName = Fill(auth.ApplicationCredentialName, "OS_APPLICATION_CREDENTIAL_NAME");
        auth.ApplicationCredentialSecret = Fill(auth.ApplicationCredentialSecret, "OS_APPLICATION_CREDENTIAL_SECRET");
        auth.SystemScope = Fill(auth.SystemScope, "OS_SYSTEM_SCOPE");
    }

    private string Fill(string current, params string[] variables) =>
        current.Length > 0 ? current : variables.Select(_environment.NonEmpty).LastOrDefault(v => v is not null) ?? "";
}
