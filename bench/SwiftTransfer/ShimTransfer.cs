using System.Diagnostics;
using System.Net.Sockets;
using Google.Protobuf;
using Grpc.Net.Client;
using Generated = VeleroOpenShift.PluginShim.Protos.Generated;

namespace VeleroOpenShift.Bench.SwiftTransfer;

/// <summary>
/// The plugin executable launched as Velero launches it (go-plugin environment, handshake line on stdout) and its
/// ObjectStore driven over the Unix socket: PutObject in 1 MiB messages as Velero's client sends them, GetObject
/// streamed back. Memory is the shim's own peak.
/// </summary>
internal static class ShimTransfer
{
    private const string Plugin = "community.openstack.org/openstack";
    private const int VeleroChunk = 1024 * 1024;

    public static async Task<int> RunAsync(string executable, string container, TransferSize size)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["VELERO_PLUGIN"] = "hello";
        start.Environment["PLUGIN_PROTOCOL_VERSIONS"] = "2";
        using var shim = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {executable}");
        shim.ErrorDataReceived += (_, _) => { };
        shim.BeginErrorReadLine();
        try
        {
            var handshake = await shim.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("the shim printed no handshake line");
            using var channel = Channel(handshake.Split('|')[3]);
            var store = new Generated.ObjectStore.ObjectStoreClient(channel);
            var init = new Generated.ObjectStoreInitRequest { Plugin = Plugin };
            init.Config.Add(size.Config);
            await store.InitAsync(init);

            var clock = Stopwatch.StartNew();
            using (var put = store.PutObject())
            {
                await using var source = new GeneratedStream(size.Bytes);
                var buffer = new byte[VeleroChunk];
                int read;
                while ((read = await source.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false)) > 0)
                {
                    await put.RequestStream.WriteAsync(new Generated.PutObjectRequest { Plugin = Plugin, Bucket = container, Key = TransferSize.Key, Body = ByteString.CopyFrom(buffer, 0, read) });
                }

                await put.RequestStream.CompleteAsync();
                await put;
            }

            var pid = shim.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            size.Report("upload", clock.Elapsed, TransferSize.PeakResidentMebibytes(pid));

            clock.Restart();
            long received = 0;
            using (var get = store.GetObject(new Generated.GetObjectRequest { Plugin = Plugin, Bucket = container, Key = TransferSize.Key }))
            {
                while (await get.ResponseStream.MoveNext(CancellationToken.None))
                {
                    received += get.ResponseStream.Current.Data.Length;
                }
            }

            size.Report("download", clock.Elapsed, TransferSize.PeakResidentMebibytes(pid));
            await store.DeleteObjectAsync(new Generated.DeleteObjectRequest { Plugin = Plugin, Bucket = container, Key = TransferSize.Key });
            return received == size.Bytes ? 0 : 1;
        }
        finally
        {
            shim.Kill(entireProcessTree: true);
        }
    }

    private static GrpcChannel Channel(string socketPath) =>
        GrpcChannel.ForAddress("http://localhost", new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                ConnectCallback = async (_, cancellationToken) =>
                {
                    var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                },
            },
            MaxReceiveMessageSize = null,
        });
}
