using Grpc.Core;
using Microsoft.Extensions.Hosting;
using VeleroOpenShift.PluginShim.Protos.Health;

namespace VeleroOpenShift.PluginShim.Services.GoPlugin;

/// <summary>
/// <c>grpc.health.v1.Health</c>: go-plugin's Ping asks for service "plugin". Velero never calls it, other
/// go-plugin hosts do. Unknown service names get NOT_FOUND, as the standard health service answers.
/// </summary>
internal sealed class HealthService(IHostApplicationLifetime lifetime) : Health.HealthBase
{
    private const string PluginService = "plugin";

    public override Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        return IsKnown(request.Service)
            ? Task.FromResult(Serving())
            : throw new RpcException(new Status(StatusCode.NotFound, $"unknown service '{request.Service}'"));
    }

    public override async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        var status = IsKnown(request.Service) ? Serving() : new HealthCheckResponse { Status = HealthCheckResponse.Types.ServingStatus.ServiceUnknown };
        await responseStream.WriteAsync(status, context.CancellationToken).ConfigureAwait(false);
        await CancellationWaits.UntilCancelledAsync(context.CancellationToken, lifetime.ApplicationStopping).ConfigureAwait(false);
    }

    private static bool IsKnown(string service) => service is "" or PluginService;

    private static HealthCheckResponse Serving() => new() { Status = HealthCheckResponse.Types.ServingStatus.Serving };
}
