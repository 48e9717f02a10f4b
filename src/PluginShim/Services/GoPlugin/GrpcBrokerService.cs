using Grpc.Core;
using Microsoft.Extensions.Hosting;
using VeleroOpenShift.PluginShim.Protos.GoPlugin;

namespace VeleroOpenShift.PluginShim.Services.GoPlugin;

/// <summary>
/// <c>plugin.GRPCBroker/StartStream</c>: opened by the host on every connection. Velero never brokers
/// extra connections, so the stream is read until the host closes it and nothing is ever sent.
/// </summary>
internal sealed class GrpcBrokerService(IHostApplicationLifetime lifetime) : GRPCBroker.GRPCBrokerBase
{
    public override async Task StartStream(IAsyncStreamReader<ConnInfo> requestStream, IServerStreamWriter<ConnInfo> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(requestStream);
        ArgumentNullException.ThrowIfNull(context);
        using var ends = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        try
        {
            while (await requestStream.MoveNext(ends.Token).ConfigureAwait(false))
            {
                // Offers of brokered connections are ignored: Velero makes none.
            }
        }
        catch (OperationCanceledException) when (ends.IsCancellationRequested)
        {
            // The host went away or the shim is stopping; either way the stream is over.
        }
    }
}
