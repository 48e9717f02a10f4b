using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace VeleroOpenShift.Velero;

/// <summary>What a plugin factory may use: logging and time. Each front end supplies its own.</summary>
public sealed record PluginServices(ILoggerFactory LoggerFactory, TimeProvider Time)
{
    /// <summary>Silent logging and the system clock, for callers that need neither.</summary>
    public static PluginServices Default { get; } = new(NullLoggerFactory.Instance, TimeProvider.System);
}
