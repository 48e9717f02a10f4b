using System.Text.Json.Nodes;
using VeleroOpenShift.PluginShim;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

namespace VeleroOpenShift.Bench;

internal static class Program
{
    public static Task<int> Main(string[] args) =>
        ShimEntryPoint.RunAsync(args, new PluginCatalog(
        [
            PluginRegistration.RestoreItemAction("bench.io/echo", PluginFamily.OpenShift, ResourceSelector.Everything, "returns the item unchanged", _ => new EchoAction()),
        ]));
}

/// <summary>What Velero's Go framework does around a do-nothing action: decode the item, encode it back.</summary>
internal sealed class EchoAction : IRestoreItemAction
{
    public Task<RestoreItemActionResult> ExecuteAsync(JsonObject item, JsonObject itemFromBackup, VeleroRestore restore, CancellationToken cancellationToken) =>
        Task.FromResult(new RestoreItemActionResult(item));
}
