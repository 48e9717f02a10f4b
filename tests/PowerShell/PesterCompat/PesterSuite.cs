using Xunit;

namespace VeleroOpenShift.PowerShell.Tests.PesterCompat;

/// <summary>
/// Every It of tests/Pester/*.Tests.ps1 as its own xunit case, run through the Pester stand-in.
/// On a machine with Pester 5 the same files run with: Invoke-Pester tests/Pester
/// </summary>
public sealed class PesterSuite
{
    [Theory]
    [MemberData(nameof(PesterCases.Runnable), MemberType = typeof(PesterCases))]
    [MemberData(nameof(PesterCases.Skipped), MemberType = typeof(PesterCases), Skip = "Skipped by the test file (It -Skip, or a skipped Describe or Context).")]
    public async Task It(PesterCase it)
    {
        ArgumentNullException.ThrowIfNull(it);
        var report = await PesterFileRuns.GetAsync(RepoPaths.PesterTests, it.File);
        PesterVerdict.Assert(report, it.Test, it.Occurrence);
    }
}
