using Microsoft.Extensions.Logging.Abstractions;
using VeleroOpenShift.OpenStack;
using VeleroOpenShift.OpenStack.Auth;

namespace VeleroOpenShift.Tests.OpenStack.Auth;

public sealed class KeystoneDiscoveryTests
{
    private static KeystoneV3Authenticator For(string authUrl) =>
        new(new HttpClient(), new CloudEntry { Auth = new AuthInfo { AuthUrl = authUrl, UserId = "u", Password = "p" } }, NullLogger.Instance);

    private static VersionEntry Version(string id, string status, string href) => new(id, status, [new VersionLink("self", href)]);

    [Theory]
    [InlineData("https://k/identity/v3", "https://k/identity/")]
    [InlineData("https://k:5000/v3/auth/tokens", "https://k:5000/")]
    [InlineData("https://k:5000", "https://k:5000/")]
    [InlineData("https://k/v2.0/", "https://k/")]
    public void The_identity_base_is_cut_before_the_first_version_segment(string authUrl, string expected)
    {
        Assert.Equal(expected, KeystoneV3Authenticator.IdentityBase(new Uri(authUrl)).ToString());
    }

    [Fact]
    public void A_version_whose_self_link_is_the_endpoint_wins_at_once()
    {
        var chosen = For("https://k/v3/auth/tokens").ChooseVersion(
            [Version("v3.14", "deprecated", "https://k/v3/auth/tokens"), Version("v3.99", "stable", "https://k/other/")], new Uri("https://k/"));

        Assert.Equal("https://k/v3/auth/tokens/", chosen.ToString());
    }

    [Fact]
    public void Otherwise_the_highest_current_version_is_chosen()
    {
        var chosen = For("https://k/").ChooseVersion(
            [Version("v2.0", "stable", "https://k/v2.0/"), Version("v3.14", "CURRENT", "https://k/v3/"), Version("v4", "current", "https://k/v4/")], new Uri("https://k/"));

        Assert.Equal("https://k/v3/", chosen.ToString());
    }

    [Fact]
    public void No_supported_version_and_a_missing_link_are_errors()
    {
        Assert.EndsWith("no supported version available from endpoint https://k/",
            Assert.Throws<OpenStackException>(() => For("https://k/").ChooseVersion([Version("v3.14", "deprecated", "https://k/v3/")], new Uri("https://k/"))).Message, StringComparison.Ordinal);
        Assert.EndsWith("endpoint missing in version v3.14 response from https://k/",
            Assert.Throws<OpenStackException>(() => For("https://k/").ChooseVersion([new VersionEntry("v3.14", "current", [])], new Uri("https://k/"))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_auth_url_is_reported_as_the_reference_does()
    {
        Assert.EndsWith("Missing input for argument [auth_url]", Assert.Throws<OpenStackException>(() => For("")).Message, StringComparison.Ordinal);
    }
}
