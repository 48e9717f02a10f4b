using Grpc.Core;
using Microsoft.Extensions.Hosting;
using VeleroOpenShift.PluginShim.Protos.GoPlugin;

namespace VeleroOpenShift.PluginShim.Services.GoPlugin;

/// <summary>
/// <c>plugin.GRPCStdio/StreamStdio</c>: the host opens it right after connecting to collect a Go plugin's
/// redirected stdout/stderr, and Velero discards what arrives. The shim logs to stderr directly, so the
/// stream stays open and silent until the call or the server ends.
/// </summary>
internal sealed class GrpcStdioService(IHostApplicationLifetime lifetime) : GRPCStdio.GRPCStdioBase
{
    public override Task StreamStdio(Google.Protobuf.WellKnownTypes.Empty request, IServerStreamWriter<StdioData> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return CancellationWaits.UntilCancelledAsync(context.CancellationToken, lifetime.ApplicationStopping);
    }
}
