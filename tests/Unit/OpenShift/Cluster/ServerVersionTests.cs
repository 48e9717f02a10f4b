using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenShift.Cluster;

namespace VeleroOpenShift.Tests.OpenShift.Cluster;

/// <summary>Parsing of <c>/version</c> (spec §3.1).</summary>
public sealed class ServerVersionTests
{
    [Theory]
    [InlineData("1", "29", null, 1, 29)]
    [InlineData("1", "29+", null, 1, 29)]
    [InlineData("1", "+29+", null, 1, 29)]
    [InlineData("1", "2+9", "v1.27.3", 1, 27)]
    [InlineData("", "", "v1.30.1+k3s", 1, 30)]
    [InlineData("x", "1", "gitv1.22.0-foo", 1, 22)]
    [InlineData(null, null, "v1.25.0-rc.1v2", 1, 25)]
    public void ParsesMajorMinorOrFallsBackToGitVersion(string? major, string? minor, string? gitVersion, int expectedMajor, int expectedMinor) =>
        Assert.Equal(new ServerVersion(expectedMajor, expectedMinor), ServerVersion.Parse(major, minor, gitVersion));

    [Theory]
    [InlineData("1.29.3")]
    [InlineData("v1.29")]
    [InlineData(null)]
    public void RefusesAGitVersionWithoutTheExpectedPattern(string? gitVersion)
    {
        var error = Assert.Throws<ClusterLookupException>(() => ServerVersion.Parse("", "", gitVersion));
        Assert.Contains("gitVersion does not match expected format", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WritesMajorDotMinor() => Assert.Equal("1.29", new ServerVersion(1, 29).ToString());
}
