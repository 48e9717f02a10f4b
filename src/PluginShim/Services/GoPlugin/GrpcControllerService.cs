using Grpc.Core;
using Microsoft.Extensions.Hosting;
using VeleroOpenShift.PluginShim.Protos.GoPlugin;

namespace VeleroOpenShift.PluginShim.Services.GoPlugin;

/// <summary>
/// <c>plugin.GRPCController/Shutdown</c>: the host's "you are done". Velero waits 2 s for the process to
/// exit before killing it and logging a warning, so the reply goes out first and the stop follows at once.
/// </summary>
internal sealed class GrpcControllerService(IHostApplicationLifetime lifetime) : GRPCController.GRPCControllerBase
{
    public override Task<Empty> Shutdown(Empty request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.GetHttpContext().Response.OnCompleted(() =>
        {
            lifetime.StopApplication();
            return Task.CompletedTask;
        });
        return Task.FromResult(new Empty());
    }
}
