using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VeleroOpenShift.PluginShim.Handshake;
using VeleroOpenShift.PluginShim.Logging;
using VeleroOpenShift.Velero;

namespace VeleroOpenShift.PluginShim.Hosting;

/// <summary>
/// A plugin process's life when go-plugin launched it (spec §2.2): listen, announce the socket on stdout
/// once Kestrel accepts connections, serve until Shutdown or SIGTERM, remove the socket.
/// </summary>
internal static partial class ShimHost
{
    public static async Task<int> RunAsync(HandshakeEnvironment environment, PluginCatalog catalog, JsonLineLoggerProvider logs, TextWriter handshakeOut, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(logs);
        ArgumentNullException.ThrowIfNull(handshakeOut);
        var logger = logs.CreateLogger("VeleroOpenShift.PluginShim");
        if (environment.ClientCertificatePresent)
        {
            LogAutoMtlsRefused(logger);
            return 1;
        }

        var socketPath = UnixSocketPath.Create(environment.SocketDirectory);
        var app = PluginServer.Build(new ServerOptions(socketPath, LaunchCommand.Current(), catalog, logs));
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            if (environment.SocketGroup is { } group)
            {
                SocketGroup.Apply(socketPath, group);
            }

            // Only now: the host dials as soon as it has read the line.
            await handshakeOut.WriteLineAsync(HandshakeLine.ForUnixSocket(socketPath).AsMemory(), cancellationToken).ConfigureAwait(false);
            await handshakeOut.FlushAsync(cancellationToken).ConfigureAwait(false);
            LogServing(logger, socketPath, catalog.Registrations.Count);
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }
        finally
        {
            await app.DisposeAsync().ConfigureAwait(false);
            TryDelete(socketPath);
        }
    }

    private static void TryDelete(string socketPath)
    {
        try
        {
            File.Delete(socketPath);
        }
        catch (IOException)
        {
            // Best effort, as go-plugin: a leftover socket in /tmp harms nobody.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "PLUGIN_CLIENT_CERT is set: the host asks for AutoMTLS, which Velero never enables and this plugin does not support")]
    private static partial void LogAutoMtlsRefused(ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "serving {PluginCount} plugins on {Socket}")]
    private static partial void LogServing(ILogger logger, string socket, int pluginCount);
}
