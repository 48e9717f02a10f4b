using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Text;

namespace VeleroOpenShift.PowerShell.Tests;

/// <summary>Everything one script run produced.</summary>
/// <param name="Output">The objects written to the output pipeline; a null written there stays a null.</param>
/// <param name="Errors">Non-terminating errors (WriteError, Write-Error).</param>
/// <param name="TerminatingError">What stopped the script (ThrowTerminatingError, throw, parameter binding), or null.</param>
public sealed record PowerShellResult(
    ReadOnlyCollection<PSObject?> Output,
    ReadOnlyCollection<ErrorRecord> Errors,
    ReadOnlyCollection<VerboseRecord> Verbose,
    ReadOnlyCollection<WarningRecord> Warnings,
    ReadOnlyCollection<InformationRecord> Information,
    RuntimeException? TerminatingError)
{
    /// <summary>The ErrorRecord of the terminating error, where PowerShell attached one.</summary>
    public ErrorRecord? TerminatingErrorRecord => TerminatingError?.ErrorRecord;

    public bool Succeeded => TerminatingError is null && Errors.Count == 0;

    /// <summary>The output's base objects, cast to <typeparamref name="T"/>.</summary>
    public IReadOnlyList<T> OutputOf<T>() => [.. Output.Select(item => (T)item?.BaseObject!)];

    /// <summary>Throws with every error, for scripts that are setup rather than the subject of the test.</summary>
    public PowerShellResult EnsureSucceeded() => Succeeded ? this : throw new InvalidOperationException(Describe());

    public string Describe()
    {
        var text = new StringBuilder();
        if (TerminatingError is not null)
        {
            Append(text, "Terminating error", TerminatingError.ErrorRecord);
        }

        foreach (var error in Errors)
        {
            Append(text, "Error", error);
        }

        return text.Length == 0 ? "The script succeeded." : text.ToString();
    }

    private static void Append(StringBuilder text, string kind, ErrorRecord error) =>
        text.AppendLine($"{kind} {error.FullyQualifiedErrorId}: {error.Exception.Message}")
            .AppendLine(error.InvocationInfo?.PositionMessage)
            .AppendLine(error.ScriptStackTrace);
}
