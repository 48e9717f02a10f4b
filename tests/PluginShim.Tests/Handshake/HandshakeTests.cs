using System.Collections;
using VeleroOpenShift.PluginShim.Handshake;
using Xunit;

namespace VeleroOpenShift.PluginShim.Tests.Handshake;

public sealed class HandshakeTests
{
    [Fact]
    public void TheLineHasSixSegmentsWithGrpcAndNoCertificate() =>
        Assert.Equal("1|2|unix|/tmp/plugin42|grpc|", HandshakeLine.ForUnixSocket("/tmp/plugin42"));

    [Fact]
    public void TheSocketIsANewPluginNameInTheRequestedDirectory()
    {
        var directory = Directory.CreateTempSubdirectory("sockdir").FullName;
        try
        {
            var path = UnixSocketPath.Create(directory);

            Assert.Equal(directory, Path.GetDirectoryName(path));
            Assert.Matches("^plugin[0-9]+$", Path.GetFileName(path));
            Assert.False(File.Exists(path));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void ASocketDirectoryTooLongForSunPathIsRefusedWithAHint()
    {
        var error = Assert.Throws<InvalidOperationException>(() => UnixSocketPath.Create("/" + new string('d', 100)));

        Assert.Contains("PLUGIN_UNIX_SOCKET_DIR", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hello", true)]
    [InlineData("Hello", false)]
    [InlineData(null, false)]
    public void OnlyTheExactCookieMeansAHostLaunchedUs(string? cookie, bool expected)
    {
        var variables = new Hashtable();
        if (cookie is not null)
        {
            variables["VELERO_PLUGIN"] = cookie;
        }

        Assert.Equal(expected, HandshakeEnvironment.From(variables).LaunchedByHost);
    }

    [Fact]
    public void TheOptionalGoPluginVariablesAreRead()
    {
        var environment = HandshakeEnvironment.From(new Hashtable
        {
            ["PLUGIN_UNIX_SOCKET_DIR"] = "/run/sockets",
            ["PLUGIN_UNIX_SOCKET_GROUP"] = "velero",
            ["PLUGIN_CLIENT_CERT"] = "-----BEGIN CERTIFICATE-----",
        });

        Assert.Equal(("/run/sockets", "velero", true), (environment.SocketDirectory, environment.SocketGroup, environment.ClientCertificatePresent));
    }
}
