using Microsoft.Extensions.Logging;

namespace VeleroOpenShift.PluginShim.Logging;

/// <summary>Translates between Velero's (logrus) level names and .NET log levels.</summary>
internal static class VeleroLogLevel
{
    /// <summary>Velero's default when the server was started without <c>--log-level</c>.</summary>
    public const LogLevel Default = LogLevel.Information;

    /// <summary>
    /// Parses a <c>--log-level</c> value (panic, fatal, error, warning, info, debug, trace). An unknown value
    /// falls back to the default: the flag belongs to the Velero server, and the plugin must never fail on it.
    /// </summary>
    public static LogLevel Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "panic" or "fatal" => LogLevel.Critical,
        "error" => LogLevel.Error,
        "warning" or "warn" => LogLevel.Warning,
        "info" => LogLevel.Information,
        "debug" => LogLevel.Debug,
        "trace" => LogLevel.Trace,
        _ => Default,
    };

    /// <summary>
    /// The <c>@level</c> string the go-plugin host recognises. It knows only these five: "warning",
    /// "fatal" or "panic" would make it log the raw line at debug.
    /// </summary>
    public static string WireName(LogLevel level) => level switch
    {
        LogLevel.Trace => "trace",
        LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        _ => "error",
    };
}
