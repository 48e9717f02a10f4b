using System.Text.Json;
using VeleroOpenShift.PluginShim.Hosting;
using VeleroOpenShift.PluginShim.Tests.Infrastructure;
using VeleroOpenShift.Velero;
using Xunit;
using Xunit.Abstractions;

namespace VeleroOpenShift.PluginShim.Tests.Interop;

/// <summary>
/// A real go-plugin host (hashicorp/go-plugin, grpc-go, stubs generated from the shim's .proto files)
/// loads the published shim exactly as Velero does and calls every service. Needs Debian's Go packages
/// (tests/GoInterop/install-deps.sh); without them the test fails, it never skips.
/// </summary>
[Collection(PublishedShimCollection.Name)]
public sealed class GoInteropTests(PublishedShim shim, ITestOutputHelper output) : IDisposable
{
    private static readonly string[] Toolchain = ["go", "protoc", "protoc-gen-go"];

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("go-interop");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public async Task AGoPluginHostDiscoversCallsAndStopsTheShimLikeVelero()
    {
        var missing = Toolchain.Where(tool => Tool.Find(tool) is null).ToList();
        Assert.True(missing.Count == 0, $"the Go interop toolchain is missing ({string.Join(", ", missing)}): run tests/GoInterop/install-deps.sh");
        var host = await BuildHostAsync();

        // Installed the way the plugin image's init container does it, then launched by that path.
        var launchPath = Path.Combine(_work.FullName, "plugins", "velero-openshift");
        Directory.CreateDirectory(Path.GetDirectoryName(launchPath)!);
        File.Copy(shim.Executable, launchPath);
        File.SetUnixFileMode(launchPath, (UnixFileMode)0b111_101_101);
        var (exitCode, stdout, stderr) = await Tool.RunAsync(host, ["-plugin", launchPath, "--", .. ShimProcess.VeleroServerFlags]);
        output.WriteLine(stderr);
        output.WriteLine(stdout);

        var report = JsonSerializer.Deserialize(stdout, GoHostReportContext.Default.GoHostReport)!;
        Assert.Empty(report.Checks.Where(c => !c.Ok).Select(c => $"{c.Name}: {c.Detail}"));
        Assert.Equal(0, exitCode);
        Assert.Equal(
            PluginSelection.FromProcess().Apply(PluginCatalog.Default).Registrations.Select(r => (launchPath, r.Kind.WireName(), r.Name)),
            report.Plugins.Select(p => (p.Command, p.Kind, p.Name)));
        Assert.True(report.ExitedGracefully);

        // Every RPC of every Velero service was called: 33 unknown-name calls plus 6 protocol checks.
        Assert.True(report.Checks.Count >= 39, $"only {report.Checks.Count} checks ran");
    }

    private async Task<string> BuildHostAsync()
    {
        var (exitCode, stdout, stderr) = await Tool.RunAsync("sh", [Path.Combine(RepositoryPaths.Root, "tests", "GoInterop", "build.sh"), _work.FullName]);
        Assert.True(exitCode == 0, $"building the Go host failed:\n{stdout}\n{stderr}");
        return Path.Combine(_work.FullName, "velero-host");
    }
}
