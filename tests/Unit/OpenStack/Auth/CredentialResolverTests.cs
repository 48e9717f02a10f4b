using Microsoft.Extensions.Logging.Abstractions;
using VeleroOpenShift.OpenStack;
using VeleroOpenShift.OpenStack.Auth;

namespace VeleroOpenShift.Tests.OpenStack.Auth;

public sealed class CredentialResolverTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private ResolvedCloud Resolve(string? cloud, params (string, string)[] environment) =>
        new CredentialResolver(TestEnvironment.Of(environment), new CloudConfigFiles(null, [_dir.Path]), NullLogger.Instance).Resolve("swift", cloud);

    [Fact]
    public void Environment_path_allows_reauth_and_fills_every_field()
    {
        var resolved = Resolve(null,
            ("OS_AUTH_URL", "http://k:5000/v3"), ("OS_USERNAME", "u"), ("OS_PASSWORD", "p"),
            ("OS_PROJECT_NAME", "proj"), ("OS_USER_DOMAIN_NAME", "Default"), ("OS_PROJECT_DOMAIN_ID", "default"));

        var auth = resolved.Entry.Auth;
        Assert.True(auth.AllowReauth);
        Assert.Equal(("http://k:5000/v3", "u", "p", "proj", "Default", "default"), (auth.AuthUrl, auth.Username, auth.Password, auth.ProjectName, auth.UserDomainName, auth.ProjectDomainId));
        Assert.Equal(IdentityVersion.V3, resolved.Version);
    }

    [Fact]
    public void Of_two_variables_for_one_field_the_later_wins_and_empty_counts_as_unset()
    {
        var both = Resolve(null, ("OS_TENANT_ID", "tenant"), ("OS_PROJECT_ID", "project"), ("OS_TOKEN", "t1"), ("OS_AUTH_TOKEN", "t2"));
        var emptyLater = Resolve(null, ("OS_TENANT_NAME", "tenant"), ("OS_PROJECT_NAME", ""));

        Assert.Equal("project", both.Entry.Auth.ProjectId);
        Assert.Equal("t2", both.Entry.Auth.Token);
        Assert.Equal("tenant", emptyLater.Entry.Auth.ProjectName);
    }

    [Fact]
    public void Clouds_yaml_replaces_the_record_and_reauth_then_comes_only_from_the_file()
    {
        _dir.Write("clouds.yaml", "clouds:\n  c:\n    auth:\n      auth_url: http://file/v3\n      username: file-user\n");

        var resolved = Resolve("c", ("OS_AUTH_URL", "http://env/v3"), ("OS_USERNAME", "env-user"), ("OS_PASSWORD", "env-pass"));

        Assert.False(resolved.Entry.Auth.AllowReauth);
        Assert.Equal("http://file/v3", resolved.Entry.Auth.AuthUrl);
        Assert.Equal("file-user", resolved.Entry.Auth.Username);
        Assert.Equal("env-pass", resolved.Entry.Auth.Password);
    }

    [Fact]
    public void The_location_cloud_wins_over_OS_CLOUD_and_an_empty_one_falls_back_to_it()
    {
        _dir.Write("clouds.yaml", "clouds:\n  a:\n    auth:\n      username: from-a\n  b:\n    auth:\n      username: from-b\n");

        Assert.Equal("from-a", Resolve("a", ("OS_CLOUD", "b")).Entry.Auth.Username);
        Assert.Equal("from-b", Resolve("", ("OS_CLOUD", "b")).Entry.Auth.Username);
        Assert.Equal("environment", Resolve("", ("OS_CLOUD", "")).Source);
    }

    [Fact]
    public void Swift_only_variables_apply_when_OS_SWIFT_AUTH_URL_is_set_even_empty_and_blanks_come_from_OS_()
    {
        var resolved = Resolve(null,
            ("OS_SWIFT_AUTH_URL", ""), ("OS_AUTH_URL", "http://generic/v3"),
            ("OS_SWIFT_USERNAME", "swift-user"), ("OS_USERNAME", "generic-user"), ("OS_PROJECT_NAME", "generic-project"));

        Assert.Equal("OS_SWIFT_* environment", resolved.Source);
        Assert.True(resolved.Entry.Auth.AllowReauth);
        Assert.Equal(("http://generic/v3", "swift-user", "generic-project"), (resolved.Entry.Auth.AuthUrl, resolved.Entry.Auth.Username, resolved.Entry.Auth.ProjectName));
    }

    [Fact]
    public void A_named_cloud_ignores_the_swift_only_variables()
    {
        _dir.Write("clouds.yaml", "clouds:\n  c:\n    auth:\n      username: from-file\n");

        var resolved = Resolve("c", ("OS_SWIFT_AUTH_URL", "http://swift/v3"), ("OS_SWIFT_USERNAME", "swift-user"));

        Assert.Equal("from-file", resolved.Entry.Auth.Username);
        Assert.Equal("", resolved.Entry.Auth.AuthUrl);
    }

    [Theory]
    [InlineData("http://k/v2.0", "", "", "V2")]
    [InlineData("http://k/v2.0/v3", "", "", "V3")]
    [InlineData("http://k/identity", "v2password", "", "V2")]
    [InlineData("http://k/identity", "", "", "V3")]
    [InlineData("http://k/v2.0", "", "3", "V3")]
    [InlineData("http://swift:8080/auth/v1.0", "", "", "SwiftV1")]
    [InlineData("http://k/", "", "1", "SwiftV1")]
    public void Selects_the_identity_version_by_the_spec_rules(string authUrl, string authType, string envVersion, string expected)
    {
        _dir.Write("clouds.yaml", $"clouds:\n  c:\n    auth_type: '{authType}'\n    auth:\n      auth_url: {authUrl}\n");

        Assert.Equal(expected, Resolve("c", ("OS_IDENTITY_API_VERSION", envVersion)).Version.ToString());
    }

    [Fact]
    public void An_unknown_identity_version_cannot_build_auth_options()
    {
        var failure = Assert.Throws<OpenStackException>(() => Resolve(null, ("OS_IDENTITY_API_VERSION", "4")));

        Assert.Contains("unable to build AuthOptions", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void V2_fills_only_the_v2_fields()
    {
        var resolved = Resolve(null, ("OS_AUTH_URL", "http://k/v2.0"), ("OS_USERNAME", "u"), ("OS_USER_DOMAIN_NAME", "d"), ("OS_APPLICATION_CREDENTIAL_ID", "a"));

        Assert.Equal("u", resolved.Entry.Auth.Username);
        Assert.Equal("", resolved.Entry.Auth.UserDomainName);
        Assert.Equal("", resolved.Entry.Auth.ApplicationCredentialId);
    }
}
