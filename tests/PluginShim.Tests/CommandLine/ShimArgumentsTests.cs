using VeleroOpenShift.PluginShim.CommandLine;
using Xunit;

namespace VeleroOpenShift.PluginShim.Tests.CommandLine;

public sealed class ShimArgumentsTests
{
    [Fact]
    public void VeleroServerFlagsInBothFormsAreIgnoredExceptTheLogLevel()
    {
        var arguments = ShimArguments.Parse(["--features=EnableCSI", "--uploader-type", "kopia", "--log-level", "debug", "--default-volumes-to-fs-backup=true", "-v", "--keep-latest-maintenance-jobs=3"]);

        Assert.Equal("debug", arguments.LogLevel);
        Assert.False(arguments.VersionRequested);
    }

    [Theory]
    [InlineData("--log-level=trace")]
    [InlineData("-log-level=trace")]
    public void TheLogLevelMayBeJoinedWithEquals(string flag) =>
        Assert.Equal("trace", ShimArguments.Parse(["--metrics-address=:8085", flag]).LogLevel);

    [Fact]
    public void AFlagWithoutItsValueAtTheEndIsTolerated() =>
        Assert.Null(ShimArguments.Parse(["--log-level"]).LogLevel);

    [Fact]
    public void WordsAreKeptForPeoplesCommands()
    {
        var arguments = ShimArguments.Parse(["install", "/target"]);

        Assert.Equal(["install", "/target"], arguments.Words);
    }

    [Fact]
    public void VersionIsAFlag() => Assert.True(ShimArguments.Parse(["--version"]).VersionRequested);
}
