using Grpc.Core;
using VeleroOpenShift.PluginShim.Dispatch;
using VeleroOpenShift.PluginShim.Protos.Generated;
using VeleroOpenShift.Velero;

namespace VeleroOpenShift.PluginShim.Services;

/// <summary>
/// Discovery (spec §5.1, §6.4): every served plugin with its kind and the command Velero must exec to
/// reach it again. Reads only the catalogue: nothing here may touch the network or fail.
/// </summary>
internal sealed class PluginListerService(PluginInstances instances, LaunchCommandAccessor command) : PluginLister.PluginListerBase
{
    public override Task<ListPluginsResponse> ListPlugins(Empty request, ServerCallContext context)
    {
        var response = new ListPluginsResponse();
        foreach (var registration in instances.Catalog.Registrations)
        {
            response.Plugins.Add(new PluginIdentifier
            {
                Command = command.Value,
                Kind = registration.Kind.WireName(),
                Name = registration.Name,
            });
        }

        return Task.FromResult(response);
    }
}

/// <summary>The launch command, fixed at start-up (tests supply their own).</summary>
internal sealed record LaunchCommandAccessor(string Value);
