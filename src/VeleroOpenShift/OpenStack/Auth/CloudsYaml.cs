using VeleroOpenShift.Errors;

namespace VeleroOpenShift.OpenStack.Auth;

/// <summary>Reads one named cloud from clouds.yaml, merged with its public profile and with secure.yaml (spec §3.2).</summary>
internal sealed class CloudsYaml
{
    private readonly CloudConfigFiles _files;

    public CloudsYaml(CloudConfigFiles files)
    {
        _files = files;
    }

    public CloudEntry Load(string cloudName)
    {
        var cloudsPath = _files.FindClouds()
            ?? throw Invalid(cloudName, "unable to load clouds.yaml: no clouds.yml file found: file does not exist");
        var clouds = Read(cloudsPath, "clouds", cloudName);
        var entry = YamlTree.Map(clouds, cloudName);

        if (entry is not null)
        {
            var profileName = YamlTree.Text(entry, "profile") is { Length: > 0 } profile ? profile : YamlTree.Text(entry, "cloud");
            if (profileName.Length > 0)
            {
                entry = YamlTree.Merge(PublicProfile(profileName, cloudName), entry);
            }
        }

        if (_files.FindSecure() is { } securePath && YamlTree.Map(Read(securePath, "clouds", cloudName), cloudName) is { } secure)
        {
            entry = entry is null ? secure : YamlTree.Merge(entry, secure);
        }

        return entry is null
            ? throw Invalid(cloudName, $"cloud {cloudName} does not exist in clouds.yaml")
            : ToEntry(entry, cloudName);
    }

    private Dictionary<string, object> PublicProfile(string profileName, string cloudName)
    {
        var publicClouds = _files.FindPublicClouds() is { } path ? Read(path, "public-clouds", cloudName) : [];
        return YamlTree.Map(publicClouds, profileName)
            ?? throw Invalid(cloudName, $"cloud {profileName} does not exist in clouds-public.yaml");
    }

    private static Dictionary<string, object> Read(string path, string topKey, string cloudName)
    {
        try
        {
            return YamlTree.Map(YamlTree.Load(path), topKey) ?? [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or YamlDotNet.Core.YamlException)
        {
            throw Invalid(cloudName, $"unable to load {Path.GetFileName(path)}: {e.Message}", e);
        }
    }

    private static CloudEntry ToEntry(Dictionary<string, object> entry, string cloudName)
    {
        var auth = YamlTree.Map(entry, "auth");
        return new CloudEntry
        {
            AuthType = YamlTree.Text(entry, "auth_type"),
            IdentityApiVersion = YamlTree.Text(entry, "identity_api_version"),
            CaCertFile = YamlTree.Text(entry, "cacert"),
            Verify = YamlTree.Text(entry, "verify") is { Length: > 0 } verify ? YamlBoolean(verify, "verify", cloudName) : null,
            Auth = new AuthInfo
            {
                AuthUrl = YamlTree.Text(auth, "auth_url"),
                Token = YamlTree.Text(auth, "token"),
                Username = YamlTree.Text(auth, "username"),
                UserId = YamlTree.Text(auth, "user_id"),
                Password = YamlTree.Text(auth, "password"),
                ApplicationCredentialId = YamlTree.Text(auth, "application_credential_id"),
                ApplicationCredentialName = YamlTree.Text(auth, "application_credential_name"),
                ApplicationCredentialSecret = YamlTree.Text(auth, "application_credential_secret"),
                SystemScope = YamlTree.Text(auth, "system_scope"),
                ProjectName = YamlTree.Text(auth, "project_name"),
                ProjectId = YamlTree.Text(auth, "project_id"),
                UserDomainName = YamlTree.Text(auth, "user_domain_name"),
                UserDomainId = YamlTree.Text(auth, "user_domain_id"),
                ProjectDomainName = YamlTree.Text(auth, "project_domain_name"),
                ProjectDomainId = YamlTree.Text(auth, "project_domain_id"),
                DomainName = YamlTree.Text(auth, "domain_name"),
                DomainId = YamlTree.Text(auth, "domain_id"),
                DefaultDomain = YamlTree.Text(auth, "default_domain"),
                AllowReauth = YamlTree.Text(auth, "allow_reauth") is { Length: > 0 } reauth && YamlBoolean(reauth, "auth.allow_reauth", cloudName),
            },
        };
    }

    // YAML 1.1 booleans, as the Go YAML decoder behind the reference accepts them.
    private static bool YamlBoolean(string value, string key, string cloudName) => value.ToLowerInvariant() switch
    {
        "true" or "yes" or "on" or "y" => true,
        "false" or "no" or "off" or "n" => false,
        _ => throw Invalid(cloudName, $"cloud {cloudName}: {key}: cannot parse \"{value}\" as a boolean"),
    };

    private static OpenStackException Invalid(string cloudName, string problem, Exception? inner = null) =>
        new(FailureKind.InvalidConfiguration, cloudName, problem, inner);
}
