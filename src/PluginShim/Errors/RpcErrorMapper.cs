using Grpc.Core;
using Microsoft.Extensions.Logging;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Velero;

namespace VeleroOpenShift.PluginShim.Errors;

/// <summary>
/// The one place a failure becomes a gRPC status (protocol spec §7). Velero does not branch on the code, so
/// like Go plugins every failure is UNKNOWN; what matters is the message, which ends up in the backup or
/// restore result: it names the plugin and, through the engine's exceptions, the item and field.
/// </summary>
internal sealed partial class RpcErrorMapper(ILogger<RpcErrorMapper> logger)
{
    // grpc-message travels in an HTTP/2 header; keep it well inside every host's header limits.
    private const int MaxMessageChars = 8 * 1024;

    public RpcException ToRpcException(Exception exception, PluginKind kind, string? pluginName, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(context);
        var plugin = string.IsNullOrEmpty(pluginName) ? $"{kind.WireName()} plugin" : $"{kind.WireName()} plugin {pluginName}";
        switch (exception)
        {
            case RpcException passThrough:
                return passThrough;
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                LogCancelled(logger, plugin, context.Method);
                return new RpcException(new Status(StatusCode.Cancelled, $"{plugin}: {context.Method} was cancelled by the caller"));
            case PluginNotFoundException notFound:
                LogFailure(logger, plugin, context.Method, exception);
                return Unknown(notFound.Message);
            case VeleroOpenShiftException failure:
                LogFailure(logger, plugin, context.Method, exception);
                return Unknown($"{plugin}: {failure.Message}{Causes(failure)}");
            default:
                // Not a failure the engine reports on purpose: the equivalent of a Go plugin's panic.
                LogUnexpected(logger, plugin, context.Method, exception);
                return Unknown($"{plugin}: unexpected {exception.GetType().Name}: {exception.Message}{Causes(exception)}");
        }
    }

    private static RpcException Unknown(string message) =>
        new(new Status(StatusCode.Unknown, message.Length <= MaxMessageChars ? message : message[..MaxMessageChars] + "…(truncated)"));

    /// <summary>Inner messages in Go's "outer: inner" style, skipping those the outer message already quotes.</summary>
    private static string Causes(Exception exception)
    {
        var text = string.Empty;
        var shown = exception.Message;
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (!shown.Contains(inner.Message, StringComparison.Ordinal))
            {
                text += ": " + inner.Message;
                shown += inner.Message;
            }
        }

        return text;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Plugin}: {Method} failed")]
    private static partial void LogFailure(ILogger logger, string plugin, string method, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Plugin}: {Method} failed unexpectedly")]
    private static partial void LogUnexpected(ILogger logger, string plugin, string method, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Plugin}: {Method} was cancelled by the caller")]
    private static partial void LogCancelled(ILogger logger, string plugin, string method);
}
