using System.Text.Json;
using VeleroOpenShift.OpenStack;
using VeleroOpenShift.OpenStack.Auth;

namespace VeleroOpenShift.Tests.OpenStack.Auth;

public sealed class TokenRequestBuilderTests
{
    private static string Json(AuthInfo auth, string authType = "") =>
        JsonSerializer.Serialize(TokenRequestBuilder.Build(new CloudEntry { Auth = auth, AuthType = authType }), OpenStackJsonContext.Default.TokenRequest);

    private static string Failure(AuthInfo auth, string authType = "") =>
        Assert.Throws<OpenStackException>(() => TokenRequestBuilder.Build(new CloudEntry { Auth = auth, AuthType = authType })).Message;

    [Fact]
    public void Matches_the_spec_example_for_the_unit_test_cloud()
    {
        var json = Json(new AuthInfo { Username = "user", Password = "pass", UserDomainName = "users", ProjectName = "project", ProjectDomainName = "domain" });

        Assert.Equal("""{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"user","password":"pass","domain":{"name":"users"}}}},"scope":{"project":{"name":"project","domain":{"name":"domain"}}}}}""", json);
    }

    [Fact]
    public void Application_credentials_are_unscoped_and_by_id_need_no_user()
    {
        var json = Json(new AuthInfo { ApplicationCredentialId = "ac", ApplicationCredentialSecret = "s", ProjectName = "ignored", DomainName = "d" });

        Assert.Equal("""{"auth":{"identity":{"methods":["application_credential"],"application_credential":{"id":"ac","secret":"s"}}}}""", json);
    }

    [Fact]
    public void Application_credential_by_name_names_its_user_with_the_defaulted_domain()
    {
        var json = Json(new AuthInfo { ApplicationCredentialName = "ac", ApplicationCredentialSecret = "s", Username = "u", DomainId = "dom" });

        Assert.Contains("""{"name":"ac","secret":"s","user":{"name":"u","domain":{"id":"dom"}}}""", json, StringComparison.Ordinal);
        Assert.Equal("You must provide an Application Credential Secret", Failure(new AuthInfo { ApplicationCredentialId = "ac" })["failed to build auth options: ".Length..]);
    }

    [Fact]
    public void Domain_defaulting_copies_domain_then_default_domain_into_user_and_project()
    {
        var fromDomain = Json(new AuthInfo { Username = "u", Password = "p", ProjectName = "pr", DomainName = "shared" });
        var fromDefault = Json(new AuthInfo { Username = "u", Password = "p", ProjectName = "pr", DefaultDomain = "dflt" });

        Assert.Contains("""domain":{"name":"shared"}}}},"scope":{"project":{"name":"pr","domain":{"name":"shared"}}}""", fromDomain, StringComparison.Ordinal);
        Assert.Contains("""domain":{"id":"dflt"}}}},"scope":{"project":{"name":"pr","domain":{"id":"dflt"}}}""", fromDefault, StringComparison.Ordinal);
    }

    [Fact]
    public void Unscoped_requests_take_the_domain_or_system_scope()
    {
        Assert.EndsWith("""scope":{"domain":{"id":"d"}}}}""", Json(new AuthInfo { UserId = "uid", Password = "p", DomainId = "d" }), StringComparison.Ordinal);
        Assert.EndsWith("""scope":{"system":{"all":true}}}}""", Json(new AuthInfo { UserId = "uid", Password = "p", DomainId = "d", SystemScope = "all" }), StringComparison.Ordinal);
        Assert.DoesNotContain("scope", Json(new AuthInfo { UserId = "uid", Password = "p" }), StringComparison.Ordinal);
    }

    [Fact]
    public void Project_id_scope_has_no_domain()
    {
        Assert.EndsWith("""scope":{"project":{"id":"pid"}}}}""", Json(new AuthInfo { UserId = "uid", Password = "p", ProjectId = "pid" }), StringComparison.Ordinal);
    }

    [Fact]
    public void A_token_clears_the_user_and_needs_a_scope_when_reauth_is_allowed()
    {
        var json = Json(new AuthInfo { Token = "tok", Username = "u", ProjectId = "pid", AllowReauth = true });

        Assert.Equal("""{"auth":{"identity":{"methods":["token"],"token":{"id":"tok"}},"scope":{"project":{"id":"pid"}}}}""", json);
        Assert.EndsWith("cannot use AllowReauth, when the token ID is defined and auth scope is not set", Failure(new AuthInfo { Token = "tok", AllowReauth = true }), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("u", "uid", "", "Exactly one of Username and UserID must be provided for password authentication")]
    [InlineData("", "", "", "Exactly one of Username and UserID must be provided for password authentication")]
    [InlineData("u", "", "", "You must provide exactly one of DomainID or DomainName to authenticate by Username")]
    public void Password_identity_errors_use_the_reference_wording(string username, string userId, string userDomain, string message)
    {
        Assert.EndsWith(message, Failure(new AuthInfo { Username = username, UserId = userId, UserDomainId = userDomain, Password = "p" }), StringComparison.Ordinal);
    }

    [Fact]
    public void Project_name_needs_a_domain_and_nothing_at_all_needs_a_password()
    {
        Assert.EndsWith("You must provide exactly one of DomainID or DomainName in a Scope with ProjectName", Failure(new AuthInfo { UserId = "uid", Password = "p", ProjectName = "pr" }), StringComparison.Ordinal);
        Assert.EndsWith("You must provide a password to authenticate", Failure(new AuthInfo()), StringComparison.Ordinal);
    }
}
