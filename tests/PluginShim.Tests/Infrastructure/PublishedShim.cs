using Xunit;

namespace VeleroOpenShift.PluginShim.Tests.Infrastructure;

/// <summary>
/// The Native AOT executable, as it ships: published once per test run with the plain
/// <c>dotnet publish src/PluginShim -r linux-x64 -c Release</c>, or taken from
/// VELERO_OPENSHIFT_SHIM_BINARY when the build has published it already.
/// </summary>
public sealed class PublishedShim : IAsyncLifetime
{
    public const string BinaryVariable = "VELERO_OPENSHIFT_SHIM_BINARY";

    private readonly DirectoryInfo _output = Directory.CreateTempSubdirectory("shim-aot");

    public string Executable { get; private set; } = string.Empty;

    public string PublishLog { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(BinaryVariable) is { Length: > 0 } prebuilt)
        {
            Executable = prebuilt;
            return;
        }

        var (exitCode, stdout, stderr) = await Tool.RunAsync(
            "dotnet",
            ["publish", Path.Combine("src", "PluginShim"), "-r", "linux-x64", "-c", "Release", "-o", _output.FullName, "-nologo"]);
        PublishLog = stdout + stderr;
        Executable = Path.Combine(_output.FullName, "velero-openshift");
        if (exitCode != 0 || !File.Exists(Executable))
        {
            throw new InvalidOperationException($"dotnet publish failed ({exitCode}):\n{PublishLog}");
        }
    }

    public Task DisposeAsync()
    {
        _output.Delete(recursive: true);
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class PublishedShimCollection : ICollectionFixture<PublishedShim>
{
    public const string Name = "Published Native AOT shim";
}
