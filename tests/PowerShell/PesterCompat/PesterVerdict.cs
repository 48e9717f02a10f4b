namespace VeleroOpenShift.PowerShell.Tests.PesterCompat;

/// <summary>Turns the report of a file that ran into the outcome of one of its xunit cases.</summary>
public static class PesterVerdict
{
    /// <summary>Returns if the It passed; otherwise fails the xunit case with Pester's message and position.</summary>
    public static void Assert(PesterFileReport report, string test, int occurrence)
    {
        var file = report.File;
        if (test == PesterCases.DiscoveryFailed)
        {
            Xunit.Assert.Fail(report.DiscoveryError
                ?? $"Discovery of {file} failed when the cases were listed, but not when it ran; run the tests again.");
        }

        if (report.DiscoveryError is not null)
        {
            Xunit.Assert.Fail(report.DiscoveryError);
        }

        if (test == PesterCases.NoIt)
        {
            Xunit.Assert.Fail($"{file} declares no It, so it tests nothing.");
        }

        var matches = report.Tests.Where(item => item.FullName == test).ToList();
        if (occurrence >= matches.Count)
        {
            Xunit.Assert.Fail(
                $"It '{test}' (occurrence {occurrence}) was not found when {file} ran; were its names changed since the cases were listed? " +
                $"It declares:{Environment.NewLine}{string.Join(Environment.NewLine, report.Tests.Select(item => item.FullName))}");
        }

        var result = matches[occurrence];
        switch (result.Outcome)
        {
            case PesterOutcome.Passed:
                return;
            case PesterOutcome.Failed:
                Xunit.Assert.Fail($"{result.Message}{Environment.NewLine}{result.Position}");
                break;
            default:
                Xunit.Assert.Fail($"It '{test}' was {result.Outcome} when {file} ran, but was to run when the cases were listed.");
                break;
        }
    }
}
