using System.Diagnostics;
using Xunit;

namespace VeleroOpenShift.HelpGenerator.Tests.EndToEnd;

/// <summary>The generator as the build runs it: a failing exit code and an error that names the file.</summary>
public sealed class GeneratorProcessTests
{
    [Fact]
    public async Task AMissingCmdletHelpFileFailsWithTheFileNamed()
    {
        using var docs = new TemporaryDirectory();
        docs.Write("about_VeleroOpenShift.md", "# about_VeleroOpenShift\n\n## SHORT DESCRIPTION\nText.\n");
        var generator = Path.Combine(AppContext.BaseDirectory, "HelpGenerator.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            ArgumentList = { generator, "--module", StagedModule.Directory, "--docs", docs.Path },
            RedirectStandardError = true,
        };

        using var process = Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(1, process.ExitCode);
        Assert.Contains($"{Path.Combine(docs.Path, "Get-VeleroPlugin.md")}: error HG0001: cmdlet Get-VeleroPlugin has no help file", errors, StringComparison.Ordinal);
    }
}
