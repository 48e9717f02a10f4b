using VeleroOpenShift.Errors;
using VeleroOpenShift.Registry;
using VeleroOpenShift.Tests.OpenStack;

namespace VeleroOpenShift.Tests.Registry;

public sealed class ServiceAccountTokenCredentialsTests
{
    [Fact]
    public async Task Reads_the_token_again_at_every_request_so_a_rotated_token_is_used()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("token", "first\n");
        var credentials = new ServiceAccountTokenCredentials(path);

        var first = await credentials.GetAsync(CancellationToken.None);
        File.WriteAllText(path, "second");
        var second = await credentials.GetAsync(CancellationToken.None);

        Assert.Equal(("ignored", "first"), (first!.UserName, first.Password));
        Assert.Equal("second", second!.Password);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_missing_or_empty_token_fails_as_the_original_says(bool exists)
    {
        using var directory = new TempDirectory();
        var path = exists ? directory.Write("token", " \n") : directory.Sub("absent");

        var failure = await Assert.ThrowsAsync<InvalidConfigurationException>(async () => await new ServiceAccountTokenCredentials(path).GetAsync(CancellationToken.None));

        Assert.Contains("BearerToken not found, can't authenticate with registry", failure.Message, StringComparison.Ordinal);
        Assert.Equal(path, failure.Key);
    }
}
