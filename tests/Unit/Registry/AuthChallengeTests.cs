using VeleroOpenShift.Registry;

namespace VeleroOpenShift.Tests.Registry;

public sealed class AuthChallengeTests
{
    [Fact]
    public void Reads_a_bearer_challenge_with_quoted_parameters_containing_commas()
    {
        var challenge = AuthChallenge.Parse("""Bearer realm="https://auth.example.com/token",service="registry.example.com",scope="repository:ns/app:pull,push" """)!;

        Assert.True(challenge.IsBearer);
        Assert.Equal("https://auth.example.com/token", challenge.Parameter("realm"));
        Assert.Equal("registry.example.com", challenge.Parameter("service"));
        Assert.Equal("repository:ns/app:pull,push", challenge.Parameter("scope"));
    }

    [Fact]
    public void Reads_a_basic_challenge_and_unquoted_values()
    {
        var challenge = AuthChallenge.Parse("basic realm=velero, charset=\"UTF-8\"")!;

        Assert.True(challenge.IsBasic);
        Assert.Equal("velero", challenge.Parameter("realm"));
        Assert.Equal("UTF-8", challenge.Parameter("charset"));
    }

    [Fact]
    public void Unescapes_quoted_pairs() =>
        Assert.Equal("a\"b", AuthChallenge.Parse("""Bearer realm="a\"b" """)!.Parameter("realm"));

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Has_no_challenge_without_a_header(string? header) => Assert.Null(AuthChallenge.Parse(header));
}
