namespace VeleroOpenShift.PowerShell.Tests.PesterCompat;

public enum PesterOutcome
{
    /// <summary>Discovered only: the file was not run.</summary>
    NotRun,
    Passed,
    Failed,
    Skipped,
}

/// <summary>What discovering or running one .Tests.ps1 file gave.</summary>
/// <param name="DiscoveryError">Why discovery failed; when set, <paramref name="Tests"/> is empty.</param>
/// <param name="Probe">The output of the probe script run after the file, as strings.</param>
public sealed record PesterFileReport(
    string File,
    string? DiscoveryError,
    IReadOnlyList<PesterTestReport> Tests,
    IReadOnlyList<string> Probe);

/// <param name="Path">The names of the enclosing Describe and Context blocks, then the It's.</param>
/// <param name="Position">Where the failure was raised: the failing line, then the script stack.</param>
public sealed record PesterTestReport(
    IReadOnlyList<string> Path,
    PesterOutcome Outcome,
    string? Message,
    string? Position)
{
    public const string Separator = " > ";

    /// <summary>"Describe > Context > It".</summary>
    public string FullName => string.Join(Separator, Path);
}
