using System.Collections;
using System.Management.Automation;

namespace VeleroOpenShift.PowerShell.Tests.PesterCompat;

/// <summary>Runs one .Tests.ps1 file through the Pester stand-in (Pester.psm1) in its own runspace.</summary>
public static class PesterCompatRunner
{
    /// <summary>Runs the Describe and Context bodies only, to list the Its.</summary>
    /// <param name="probe">A script run in the same runspace afterwards; its output lands in <see cref="PesterFileReport.Probe"/>.</param>
    public static PesterFileReport Discover(string testFile, string? probe = null) => Invoke(testFile, discoveryOnly: true, probe);

    /// <summary>Discovers, then runs every It.</summary>
    /// <param name="probe">A script run in the same runspace afterwards; its output lands in <see cref="PesterFileReport.Probe"/>.</param>
    public static PesterFileReport Run(string testFile, string? probe = null) => Invoke(testFile, discoveryOnly: false, probe);

    private static PesterFileReport Invoke(string testFile, bool discoveryOnly, string? probe)
    {
        using var host = PowerShellHost.CreateEmpty();
        // $args rather than named variables: the test file runs in this global scope and must not see ours.
        var result = host.Invoke(
            "Import-Module -Name $args[0] -ErrorAction Stop; Invoke-PesterCompat -Path $args[1] -DiscoveryOnly:$args[2]",
            RepoPaths.PesterCompatModule,
            testFile,
            discoveryOnly);
        if (result.TerminatingError is not null || result.Output.Count != 1 || result.Output[0] is not { } report)
        {
            // A broken runner, not a broken test file: test failures come back inside the report.
            throw new InvalidOperationException($"The Pester stand-in failed on '{testFile}'.{Environment.NewLine}{result.Describe()}");
        }

        var tests = ((IEnumerable)report.Properties["Tests"].Value).Cast<PSObject>().Select(ToTestReport).ToList();
        var probeOutput = probe is null ? [] : host.Invoke(probe).EnsureSucceeded().Output.Select(item => item?.ToString() ?? "").ToList();
        return new PesterFileReport(testFile, Text(report, "DiscoveryError"), tests, probeOutput);
    }

    private static PesterTestReport ToTestReport(PSObject test) => new(
        LanguagePrimitives.ConvertTo<string[]>(test.Properties["Path"].Value),
        Enum.Parse<PesterOutcome>(Text(test, "Outcome") ?? ""),
        Text(test, "Message"),
        Text(test, "Position"));

    private static string? Text(PSObject item, string property) => item.Properties[property].Value switch
    {
        null => null,
        PSObject wrapped => wrapped.BaseObject.ToString(),
        var value => value.ToString(),
    };
}
