using System.Text.Json;
using VeleroOpenShift.PluginShim.Protos.GoPlugin;
using VeleroOpenShift.PluginShim.Protos.Health;
using VeleroOpenShift.PluginShim.Tests.Infrastructure;
using VeleroOpenShift.PluginShim.Tests.Logging;
using VeleroOpenShift.Velero;
using Xunit;
using Generated = VeleroOpenShift.PluginShim.Protos.Generated;

namespace VeleroOpenShift.PluginShim.Tests.Executable;

/// <summary>The built executable, launched as go-plugin and as a person would launch it.</summary>
public sealed class ShimProcessTests : IDisposable
{
    private readonly DirectoryInfo _plugins = Directory.CreateTempSubdirectory("plugins");

    /// <summary>A symlink, so argv[0] differs from the resolved path and ListPlugins must report argv[0].</summary>
    private string LaunchPath
    {
        get
        {
            var path = Path.Combine(_plugins.FullName, "velero-openshift");
            if (!File.Exists(path))
            {
                File.CreateSymbolicLink(path, RepositoryPaths.ShimExecutable);
            }

            return path;
        }
    }

    public void Dispose() => _plugins.Delete(recursive: true);

    [Fact]
    public async Task LaunchedByVeleroItPrintsOnlyTheHandshakeServesAndExitsOnShutdown()
    {
        // Discovery must not need Kubernetes: an unusable kubeconfig and no in-cluster service change nothing.
        var environment = ShimProcess.VeleroEnvironment();
        environment["KUBECONFIG"] = "/nonexistent/kubeconfig";
        environment["KUBERNETES_SERVICE_HOST"] = null;
        using var shim = ShimProcess.Start(LaunchPath, environment, ShimProcess.VeleroServerFlags);

        var line = await shim.ReadStdoutLineAsync();
        var match = System.Text.RegularExpressions.Regex.Match(line ?? string.Empty, @"^1\|2\|unix\|(/[^|]+/plugin[0-9]+)\|grpc\|$");
        Assert.True(match.Success, $"handshake line was: {line}");
        var socket = match.Groups[1].Value;
        using (var channel = ShimServer.CreateChannel(socket))
        {
            var listed = await new Generated.PluginLister.PluginListerClient(channel).ListPluginsAsync(new Generated.Empty());
            var health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest { Service = "plugin" });
            await new GRPCController.GRPCControllerClient(channel).ShutdownAsync(new Empty());

            Assert.Equal(PluginCatalog.Default.Registrations.Select(r => (LaunchPath, r.Kind.WireName(), r.Name)), listed.Plugins.Select(p => (p.Command, p.Kind, p.Name)));
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        }

        var (exitCode, restOfStdout, stderr) = await shim.WaitForExitAsync();
        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, restOfStdout);
        Assert.False(File.Exists(socket));
        Assert.All(stderr, AssertGoPluginLogLine);
    }

    [Fact]
    public async Task TheOptionalGoPluginSocketVariablesAreHonouredAndMultiplexingIsNeverAnnounced()
    {
        var socketDirectory = _plugins.CreateSubdirectory("sockets").FullName;
        var (_, group, _) = await Tool.RunAsync("id", ["-gn"]);
        var environment = ShimProcess.VeleroEnvironment();
        environment["PLUGIN_UNIX_SOCKET_DIR"] = socketDirectory;
        environment["PLUGIN_UNIX_SOCKET_GROUP"] = group.Trim();
        environment["PLUGIN_MULTIPLEX_GRPC"] = "true";
        using var shim = ShimProcess.Start(LaunchPath, environment);

        var segments = (await shim.ReadStdoutLineAsync())!.Split('|');
        var socket = segments[3];
        var mode = File.GetUnixFileMode(socket);
        using (var channel = ShimServer.CreateChannel(socket))
        {
            await new GRPCController.GRPCControllerClient(channel).ShutdownAsync(new Empty());
        }

        await shim.WaitForExitAsync();
        Assert.Equal(6, segments.Length);
        Assert.Equal(socketDirectory, Path.GetDirectoryName(socket));
        Assert.Equal((UnixFileMode)0b110_110_000, mode);
    }

    [Fact]
    public async Task SigintIsIgnoredAndSigtermStopsGracefully()
    {
        using var shim = ShimProcess.Start(LaunchPath, ShimProcess.VeleroEnvironment());
        var socket = (await shim.ReadStdoutLineAsync())!.Split('|')[3];

        shim.Signal("INT");
        using (var channel = ShimServer.CreateChannel(socket))
        {
            var health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest { Service = "plugin" });
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        }

        shim.Signal("TERM");
        var (exitCode, _, _) = await shim.WaitForExitAsync();

        Assert.Equal(0, exitCode);
        Assert.False(File.Exists(socket));
    }

    [Fact]
    public async Task RunByAPersonItExplainsItselfOnStderrAndFails()
    {
        using var shim = ShimProcess.Start(LaunchPath, new Dictionary<string, string?>());

        var (exitCode, stdout, stderr) = await shim.WaitForExitAsync();

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains(stderr, l => l.Contains("is a Velero plugin", StringComparison.Ordinal) && l.Contains("not meant to be run directly", StringComparison.Ordinal));
    }

    [Fact]
    public async Task VersionAndListAnswerAPerson()
    {
        using var version = ShimProcess.Start(LaunchPath, new Dictionary<string, string?>(), "--version");
        using var list = ShimProcess.Start(LaunchPath, new Dictionary<string, string?>(), "list");

        var versionResult = await version.WaitForExitAsync();
        var listResult = await list.WaitForExitAsync();

        Assert.Equal(0, versionResult.ExitCode);
        Assert.Matches(@"^velero-openshift [0-9]+\.[0-9]+\.[0-9]+", versionResult.RestOfStdout);
        Assert.Equal(0, listResult.ExitCode);
        Assert.Equal(
            PluginCatalog.Default.Registrations.Select(r => $"{r.Kind.WireName()}\t{r.Name}"),
            listResult.RestOfStdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task InstallCopiesTheExecutableWithMode0755()
    {
        var target = Path.Combine(_plugins.FullName, "target");

        using var install = ShimProcess.Start(RepositoryPaths.ShimExecutable, new Dictionary<string, string?>(), "install", target);
        var (exitCode, _, stderr) = await install.WaitForExitAsync();

        Assert.True(exitCode == 0, string.Join('\n', stderr));
        var installed = Path.Combine(target, "velero-openshift");
        Assert.Equal((UnixFileMode)0b111_101_101, File.GetUnixFileMode(installed));
        Assert.Equal(await File.ReadAllBytesAsync(RepositoryPaths.ShimExecutable), await File.ReadAllBytesAsync(installed));
        Assert.Equal(["velero-openshift"], Directory.GetFiles(target).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("VELERO_OPENSHIFT_PLUGINS", "openshfit")]
    [InlineData("PLUGIN_CLIENT_CERT", "-----BEGIN CERTIFICATE-----")]
    public async Task AConfigurationItCannotServeFailsWithAJsonErrorAndNoHandshake(string variable, string value)
    {
        var environment = ShimProcess.VeleroEnvironment();
        environment[variable] = value;
        using var shim = ShimProcess.Start(LaunchPath, environment);

        var (exitCode, stdout, stderr) = await shim.WaitForExitAsync();

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, stdout);
        Assert.All(stderr, AssertGoPluginLogLine);
        Assert.Contains(stderr, l => l.StartsWith("{\"@level\":\"error\"", StringComparison.Ordinal) && l.Contains(variable, StringComparison.Ordinal));
    }

    /// <summary>The go-plugin host panics on a non-string @message or @level; every line must be a JSON object of strings.</summary>
    private static void AssertGoPluginLogLine(string line)
    {
        var fields = JsonSerializer.Deserialize(line, TestJsonContext.Default.DictionaryStringString)!;
        Assert.Contains(fields["@level"], new[] { "trace", "debug", "info", "warn", "error" });
        Assert.True(fields.ContainsKey("@message"));
        Assert.False(fields.ContainsKey("@timestamp"));
    }
}
