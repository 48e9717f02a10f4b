using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenStack;
using VeleroOpenShift.OpenStack.Auth;

namespace VeleroOpenShift.Tests.OpenStack.Auth;

public sealed class CloudsYamlTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private CloudsYaml Yaml(string? explicitFile = null) =>
        new(new CloudConfigFiles(explicitFile, [_dir.Sub("cwd"), _dir.Sub("home/.config/openstack"), _dir.Sub("etc")]));

    private static string Cloud(string name, string user) => $"clouds:\n  {name}:\n    auth:\n      auth_url: http://k/v3\n      username: {user}\n";

    [Fact]
    public void Working_directory_wins_over_home_and_etc()
    {
        _dir.Write("cwd/clouds.yaml", Cloud("c", "from-cwd"));
        _dir.Write("home/.config/openstack/clouds.yaml", Cloud("c", "from-home"));
        _dir.Write("etc/clouds.yaml", Cloud("c", "from-etc"));

        Assert.Equal("from-cwd", Yaml().Load("c").Auth.Username);
    }

    [Fact]
    public void Yaml_anywhere_wins_over_yml_anywhere()
    {
        _dir.Write("cwd/clouds.yml", Cloud("c", "cwd-yml"));
        _dir.Write("etc/clouds.yaml", Cloud("c", "etc-yaml"));

        Assert.Equal("etc-yaml", Yaml().Load("c").Auth.Username);
    }

    [Fact]
    public void An_explicit_file_wins_and_a_missing_one_falls_through_silently()
    {
        var explicitFile = _dir.Write("elsewhere/my.yaml", Cloud("c", "explicit"));
        _dir.Write("home/.config/openstack/clouds.yaml", Cloud("c", "from-home"));

        Assert.Equal("explicit", Yaml(explicitFile).Load("c").Auth.Username);
        Assert.Equal("from-home", Yaml(_dir.Sub("missing.yaml")).Load("c").Auth.Username);
    }

    [Fact]
    public void No_file_and_unknown_cloud_give_the_reference_messages()
    {
        var none = Assert.Throws<OpenStackException>(() => Yaml().Load("c"));
        Assert.Equal("unable to load clouds.yaml: no clouds.yml file found: file does not exist", none.Message);

        _dir.Write("cwd/clouds.yaml", Cloud("c", "u"));
        var unknown = Assert.Throws<OpenStackException>(() => Yaml().Load("other"));
        Assert.Equal("cloud other does not exist in clouds.yaml", unknown.Message);
        Assert.Equal(FailureKind.InvalidConfiguration, unknown.Kind);
    }

    [Fact]
    public void Public_profile_fills_what_the_entry_lacks()
    {
        _dir.Write("cwd/clouds.yaml", "clouds:\n  c:\n    profile: vendor\n    auth:\n      username: u\n");
        _dir.Write("etc/clouds-public.yaml", "public-clouds:\n  vendor:\n    identity_api_version: '3'\n    auth:\n      auth_url: https://vendor/v3\n      username: ignored\n");

        var entry = Yaml().Load("c");

        Assert.Equal("https://vendor/v3", entry.Auth.AuthUrl);
        Assert.Equal("u", entry.Auth.Username);
        Assert.Equal("3", entry.IdentityApiVersion);
    }

    [Fact]
    public void A_missing_profile_is_an_error()
    {
        _dir.Write("cwd/clouds.yaml", "clouds:\n  c:\n    cloud: nowhere\n");

        Assert.Equal("cloud nowhere does not exist in clouds-public.yaml", Assert.Throws<OpenStackException>(() => Yaml().Load("c")).Message);
    }

    [Fact]
    public void Secure_yaml_wins_but_its_empty_values_do_not_erase()
    {
        _dir.Write("cwd/clouds.yaml", "clouds:\n  c:\n    auth:\n      auth_url: http://k/v3\n      username: u\n      password: ''\n      project_name: p\n");
        _dir.Write("home/.config/openstack/secure.yaml", "clouds:\n  c:\n    auth:\n      password: s3cret\n      project_name: ''\n");

        var entry = Yaml().Load("c");

        Assert.Equal("s3cret", entry.Auth.Password);
        Assert.Equal("p", entry.Auth.ProjectName);
    }

    [Fact]
    public void A_cloud_only_in_secure_yaml_is_found()
    {
        _dir.Write("cwd/clouds.yaml", Cloud("other", "u"));
        _dir.Write("cwd/secure.yaml", Cloud("c", "secure-only"));

        Assert.Equal("secure-only", Yaml().Load("c").Auth.Username);
    }

    [Fact]
    public void Reads_every_auth_field_and_the_tls_extension_keys()
    {
        _dir.Write("cwd/clouds.yaml", """
            clouds:
              c:
                auth_type: v3applicationcredential
                identity_api_version: 3
                verify: false
                cacert: /ca.pem
                auth:
                  auth_url: http://k/v3
                  application_credential_id: id1
                  application_credential_secret: sec
                  user_domain_id: ud
                  project_domain_name: pd
                  default_domain: dd
                  allow_reauth: true
            """);

        var entry = Yaml().Load("c");

        Assert.Equal("v3applicationcredential", entry.AuthType);
        Assert.False(entry.Verify);
        Assert.Equal("/ca.pem", entry.CaCertFile);
        Assert.Equal(("id1", "sec", "ud", "pd", "dd"), (entry.Auth.ApplicationCredentialId, entry.Auth.ApplicationCredentialSecret, entry.Auth.UserDomainId, entry.Auth.ProjectDomainName, entry.Auth.DefaultDomain));
        Assert.True(entry.Auth.AllowReauth);
    }
}
