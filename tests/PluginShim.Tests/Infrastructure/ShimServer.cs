using VeleroOpenShift.OpenShift.Cluster;
using System.Net.Sockets;
using System.Text;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VeleroOpenShift.PluginShim.Hosting;
using VeleroOpenShift.PluginShim.Logging;
using VeleroOpenShift.Velero;

namespace VeleroOpenShift.PluginShim.Tests.Infrastructure;

/// <summary>
/// The shim's real gRPC server (Kestrel, Unix socket, HTTP/2) in the test process, serving a catalogue of
/// fakes, with a client channel that dials the socket the way go-plugin does (authority "unused").
/// </summary>
internal sealed class ShimServer : IAsyncDisposable
{
    public const string LaunchCommand = "/plugins/velero-openshift";

    private readonly LockedMemoryStream _logs;

    private ShimServer(WebApplication app, string socketPath, LockedMemoryStream logs)
    {
        App = app;
        SocketPath = socketPath;
        _logs = logs;
        Channel = CreateChannel(socketPath);
    }

    public WebApplication App { get; }

    public string SocketPath { get; }

    public GrpcChannel Channel { get; }

    /// <summary>The stderr lines the server wrote so far.</summary>
    public IReadOnlyList<string> LogLines => _logs.Text().Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <param name="cluster">What the actions' cluster look-ups answer; an empty offline cluster when absent.</param>
    /// <param name="configure">Changes to the server's options beyond the cluster (the OpenShift settings, the image copier).</param>
    public static async Task<ShimServer> StartAsync(PluginCatalog catalog, LogLevel level = LogLevel.Debug, IClusterLookups? cluster = null, Func<ServerOptions, ServerOptions>? configure = null)
    {
        var socketPath = Path.Combine(Path.GetTempPath(), $"shim-test-{Guid.NewGuid():N}"[..24]);
        var logs = new LockedMemoryStream();
        var provider = new JsonLineLoggerProvider(new JsonLineWriter(logs), level);
        var options = new ServerOptions(socketPath, LaunchCommand, catalog, provider)
        {
            Cluster = (_, _) => cluster ?? new OfflineClusterLookups(),
        };
        var app = PluginServer.Build(configure is null ? options : configure(options));
        await app.StartAsync();
        return new ShimServer(app, socketPath, logs);
    }

    public static GrpcChannel CreateChannel(string socketPath)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };

        // Like Velero's host: no size limits on the client side.
        return GrpcChannel.ForAddress("http://unused", new GrpcChannelOptions
        {
            HttpHandler = handler,
            MaxReceiveMessageSize = null,
            MaxSendMessageSize = null,
        });
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        File.Delete(SocketPath);
    }

    /// <summary>A log sink that tests can read while the server writes.</summary>
    private sealed class LockedMemoryStream : MemoryStream
    {
        private readonly Lock _gate = new();

        // MemoryStream routes span writes of derived types through Write(byte[], int, int).
        public override void Write(byte[] buffer, int offset, int count)
        {
            lock (_gate)
            {
                base.Write(buffer, offset, count);
            }
        }

        public override void Write(ReadOnlySpan<byte> buffer) => Write(buffer.ToArray(), 0, buffer.Length);

        public override void WriteByte(byte value) => Write([value], 0, 1);

        public string Text()
        {
            lock (_gate)
            {
                return Encoding.UTF8.GetString(GetBuffer(), 0, (int)Length);
            }
        }
    }
}
