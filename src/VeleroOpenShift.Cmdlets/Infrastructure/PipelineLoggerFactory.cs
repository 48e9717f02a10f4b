using Microsoft.Extensions.Logging;

namespace VeleroOpenShift.Cmdlets.Infrastructure;

/// <summary>
/// Shows engine log lines as PowerShell streams: information as verbose, debug and trace as debug,
/// warnings as warnings. Errors reach the user as ErrorRecords, so error log lines go to verbose.
/// Lines logged while no engine work runs have no pipeline to go to and are dropped.
/// </summary>
internal sealed class PipelineLoggerFactory(Func<PipelineQueue?> currentQueue) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new PipelineLogger(currentQueue);

    public void AddProvider(ILoggerProvider provider) =>
        throw new NotSupportedException("Cmdlet logging always goes to the PowerShell streams.");

    public void Dispose()
    {
    }

    private sealed class PipelineLogger(Func<PipelineQueue?> currentQueue) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (currentQueue() is not { } queue)
            {
                return;
            }

            var text = formatter(state, exception);
            switch (logLevel)
            {
                case LogLevel.Trace or LogLevel.Debug:
                    queue.WriteDebug(text);
                    break;
                case LogLevel.Warning:
                    queue.WriteWarning(text);
                    break;
                default:
                    queue.WriteVerbose(text);
                    break;
            }
        }
    }
}
