using Grpc.Core;
using VeleroOpenShift.PluginShim.Errors;
using VeleroOpenShift.Velero;

namespace VeleroOpenShift.PluginShim.Dispatch;

/// <summary>
/// What every Velero service adapter does around a call: find the plugin named in the request's
/// <c>plugin</c> field under the service's kind, run the call, and turn any failure into a status.
/// </summary>
internal sealed class PluginDispatcher(PluginInstances instances, RpcErrorMapper errors)
{
    /// <summary>Runs <paramref name="call"/> on the (lazily created) plugin instance.</summary>
    public Task<TResponse> Run<TPlugin, TResponse>(PluginKind kind, string pluginName, ServerCallContext context, Func<TPlugin, CancellationToken, Task<TResponse>> call)
        where TPlugin : class =>
        Guard(kind, pluginName, context, () => call(instances.Get<TPlugin>(kind, pluginName), context.CancellationToken));

    /// <summary>Answers from the registration alone (AppliesTo), without creating the plugin.</summary>
    public Task<TResponse> Describe<TResponse>(PluginKind kind, string pluginName, ServerCallContext context, Func<PluginRegistration, TResponse> describe) =>
        Guard(kind, pluginName, context, () => Task.FromResult(describe(instances.Registration(kind, pluginName))));

    /// <summary>Maps any failure of <paramref name="call"/>; <paramref name="pluginName"/> may be unknown yet (an empty stream).</summary>
    public async Task<TResponse> Guard<TResponse>(PluginKind kind, string? pluginName, ServerCallContext context, Func<Task<TResponse>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            throw errors.ToRpcException(e, kind, pluginName, context);
        }
    }
}
