using System.Collections.Concurrent;
using System.Management.Automation;

namespace VeleroOpenShift.Cmdlets.Infrastructure;

/// <summary>
/// Carries Write* calls from engine work running on other threads back to the pipeline thread, the only
/// thread PowerShell lets write. The cmdlet drains it while the work runs.
/// </summary>
internal sealed class PipelineQueue : IDisposable
{
    private readonly BlockingCollection<Action<Cmdlet>> _pending = [];

    public void WriteObject(object? value) => Add(c => c.WriteObject(value));

    public void WriteError(ErrorRecord record) => Add(c => c.WriteError(record));

    public void WriteVerbose(string text) => Add(c => c.WriteVerbose(text));

    public void WriteDebug(string text) => Add(c => c.WriteDebug(text));

    public void WriteWarning(string text) => Add(c => c.WriteWarning(text));

    public void WriteProgress(ProgressRecord record) => Add(c => c.WriteProgress(record));

    /// <summary>Runs <paramref name="work"/> elsewhere and performs its writes here until it ends; rethrows its failure.</summary>
    public void Run(Cmdlet cmdlet, Func<Task> work)
    {
        var task = Task.Run(work);
        task.ContinueWith(_ => _pending.CompleteAdding(), TaskScheduler.Default);
        foreach (var write in _pending.GetConsumingEnumerable())
        {
            write(cmdlet);
        }

        task.GetAwaiter().GetResult();
    }

    public void Dispose() => _pending.Dispose();

    private void Add(Action<Cmdlet> write)
    {
        // Writes that arrive after the work ended (a late log line) have nowhere to go; dropping them is harmless.
        if (!_pending.IsAddingCompleted)
        {
            try
            {
                _pending.Add(write);
            }
            catch (InvalidOperationException)
            {
            }
        }
    }
}
