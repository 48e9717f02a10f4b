using System.Text.RegularExpressions;
using VeleroOpenShift.PluginShim.Tests.Infrastructure;
using Xunit;

namespace VeleroOpenShift.PluginShim.Tests.Native;

/// <summary>
/// The published binary must start in Velero's server image (Ubuntu 22.04 "tiny": glibc 2.35, libssl3,
/// zlib, no libstdc++, no libgcc_s, no ICU; spec §9.2). Checked with binutils on the ELF file itself.
/// </summary>
[Collection(PublishedShimCollection.Name)]
public sealed partial class NativeBinaryTests(PublishedShim shim)
{
    private static readonly HashSet<string> AllowedLibraries =
        ["libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1"];

    private static readonly Version NewestGlibc = new(2, 35);

    [Fact]
    public async Task ItNeedsNoSharedLibraryBeyondTheCLibrary()
    {
        var (exitCode, stdout, stderr) = await Tool.RunAsync(RequireTool("readelf"), ["--dynamic", "--wide", shim.Executable]);
        Assert.True(exitCode == 0, stderr);

        var needed = NeededLibrary().Matches(stdout).Select(m => m.Groups[1].Value).ToList();

        Assert.NotEmpty(needed);
        Assert.All(needed, library => Assert.Contains(library, AllowedLibraries));
    }

    [Fact]
    public async Task ItNeedsNoGlibcSymbolNewerThan235()
    {
        var (exitCode, stdout, stderr) = await Tool.RunAsync(RequireTool("objdump"), ["--dynamic-syms", shim.Executable]);
        Assert.True(exitCode == 0, stderr);

        var versions = GlibcVersion().Matches(stdout).Select(m => Version.Parse(m.Groups[1].Value)).Distinct().ToList();

        Assert.NotEmpty(versions);
        Assert.True(versions.Max() <= NewestGlibc, $"newest GLIBC symbol version: {versions.Max()}");
    }

    [Fact]
    public void ItIsOneSelfContainedExecutableFile()
    {
        Assert.True((File.GetUnixFileMode(shim.Executable) & UnixFileMode.UserExecute) != 0);
        var directory = Path.GetDirectoryName(shim.Executable)!;

        // Nothing the binary needs may sit next to it: Velero's image gets the executable alone.
        Assert.DoesNotContain(Directory.GetFiles(directory), f => f.EndsWith(".so", StringComparison.Ordinal) || f.EndsWith(".dll", StringComparison.Ordinal));
    }

    private static string RequireTool(string name) =>
        Tool.Find(name) ?? throw new InvalidOperationException($"{name} (binutils) is missing: run tests/GoInterop/install-deps.sh");

    [GeneratedRegex(@"\(NEEDED\)\s+Shared library: \[([^\]]+)\]")]
    private static partial Regex NeededLibrary();

    [GeneratedRegex(@"GLIBC_([0-9]+\.[0-9]+(?:\.[0-9]+)?)")]
    private static partial Regex GlibcVersion();
}
