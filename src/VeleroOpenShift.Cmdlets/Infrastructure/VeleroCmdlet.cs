using System.Management.Automation;

namespace VeleroOpenShift.Cmdlets.Infrastructure;

/// <summary>
/// Base of every cmdlet: a cancellation token that Ctrl+C (StopProcessing) trips, so engine I/O aborts,
/// and the two ways to report a failure (per item, or blocking) through the one ErrorRecord mapper.
/// </summary>
public abstract class VeleroCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    protected CancellationToken CancellationToken => _stopping.Token;

    /// <summary>A failure of one input item: reported, and the pipeline goes on.</summary>
    protected void WriteFailure(Exception exception, object? target = null) =>
        WriteError(ErrorRecordFactory.Create(exception, target));

    /// <summary>A failure that makes going on pointless (no credentials, bad configuration).</summary>
    protected void ThrowFailure(Exception exception, object? target = null) =>
        ThrowTerminatingError(ErrorRecordFactory.Create(exception, target));

    /// <summary>
    /// Resolves a -Path (wildcards) or -LiteralPath value to files; one that resolves to nothing is reported
    /// as an error for that path and yields no file, so the other paths go on.
    /// </summary>
    protected IReadOnlyList<string> ResolveFiles(string given, bool literal)
    {
        try
        {
            return [.. ProviderPaths.Resolve(this, given, literal)];
        }
        catch (Exception e) when (e is ItemNotFoundException or PSArgumentException or System.Management.Automation.DriveNotFoundException)
        {
            WriteFailure(e, given);
            return [];
        }
    }

    protected override void StopProcessing() => _stopping.Cancel();

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stopping.Dispose();
        }
    }
}
