using Xunit;

namespace VeleroOpenShift.PowerShell.Tests.PesterCompat;

/// <summary>One xunit case per It of the .Tests.ps1 files under a folder, found by Pester-style discovery.</summary>
public static class PesterCases
{
    /// <summary>The case that stands for a file whose discovery failed, so the failure is never silent.</summary>
    public const string DiscoveryFailed = "(discovery failed)";

    /// <summary>The case that stands for a file that declares no It.</summary>
    public const string NoIt = "(no It declared)";

    private static readonly Lazy<IReadOnlyList<PesterCase>> suite = new(() => For(RepoPaths.PesterTests));

    /// <summary>The Its of tests/Pester that are to run.</summary>
    public static TheoryData<PesterCase> Runnable => [.. suite.Value.Where(item => !item.Skip)];

    /// <summary>The Its of tests/Pester that the files themselves skip.</summary>
    public static TheoryData<PesterCase> Skipped => [.. suite.Value.Where(item => item.Skip)];

    /// <summary>The *.Tests.ps1 files under <paramref name="folder"/>, as Invoke-Pester finds them, relative and with '/'.</summary>
    public static IReadOnlyList<string> Files(string folder) =>
        Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder, "*.Tests.ps1", SearchOption.AllDirectories)
                .Select(file => Path.GetRelativePath(folder, file).Replace('\\', '/'))
                .Order(StringComparer.Ordinal)]
            : [];

    public static IReadOnlyList<PesterCase> For(string folder) =>
        [.. Files(folder)
            .AsParallel()
            .AsOrdered()
            .SelectMany(file => CasesOf(file, PesterCompatRunner.Discover(Path.Combine(folder, file))))];

    private static IEnumerable<PesterCase> CasesOf(string file, PesterFileReport report)
    {
        if (report.DiscoveryError is not null)
        {
            return [new PesterCase(file, DiscoveryFailed, 0, skip: false)];
        }

        if (report.Tests.Count == 0)
        {
            return [new PesterCase(file, NoIt, 0, skip: false)];
        }

        // Pester allows two Its with one name; the occurrence keeps their cases apart.
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        return [.. report.Tests.Select(test =>
        {
            var occurrence = seen.GetValueOrDefault(test.FullName);
            seen[test.FullName] = occurrence + 1;
            return new PesterCase(file, test.FullName, occurrence, test.Outcome == PesterOutcome.Skipped);
        })];
    }
}
