using VeleroOpenShift.Velero;

namespace VeleroOpenShift.Cmdlets.Infrastructure;

/// <summary>
/// Base of cmdlets that call the engine's asynchronous I/O: the work runs off the pipeline thread, its
/// output, errors, progress and log lines are written on it, and Ctrl+C cancels the work's token.
/// </summary>
public abstract class VeleroAsyncCmdlet : VeleroCmdlet
{
    private PipelineQueue? _current;

    protected VeleroAsyncCmdlet() =>
        Services = new PluginServices(new PipelineLoggerFactory(() => _current), TimeProvider.System);

    /// <summary>Engine services whose logs appear as this cmdlet's verbose, debug and warning output.</summary>
    internal PluginServices Services { get; }

    /// <summary>Where engine work sends its writes; valid inside <see cref="RunEngine"/>.</summary>
    internal PipelineQueue Pipeline => _current ?? throw new InvalidOperationException("The pipeline queue exists only while engine work runs.");

    /// <summary>Runs engine work, performing its pipeline writes on this thread until it finishes; rethrows its failure.</summary>
    protected void RunEngine(Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var queue = new PipelineQueue();
        _current = queue;
        try
        {
            queue.Run(this, () => work(CancellationToken));
        }
        finally
        {
            _current = null;
        }
    }
}
