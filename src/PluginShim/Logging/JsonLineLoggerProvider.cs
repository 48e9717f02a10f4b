using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace VeleroOpenShift.PluginShim.Logging;

/// <summary>Creates <see cref="JsonLineLogger"/>s that share one stderr writer and the <c>--log-level</c> filter.</summary>
internal sealed class JsonLineLoggerProvider(JsonLineWriter writer, LogLevel minimumLevel) : ILoggerProvider
{
    private readonly ConcurrentDictionary<string, JsonLineLogger> _loggers = new(StringComparer.Ordinal);

    public LogLevel MinimumLevel => minimumLevel;

    public ILogger CreateLogger(string categoryName) =>
        _loggers.GetOrAdd(categoryName, name => new JsonLineLogger(name, writer, minimumLevel));

    public void Dispose() => _loggers.Clear();
}
