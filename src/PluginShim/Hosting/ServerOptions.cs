using VeleroOpenShift.PluginShim.Logging;
using VeleroOpenShift.Velero;

namespace VeleroOpenShift.PluginShim.Hosting;

/// <summary>Everything the gRPC server is built from; the tests build their own.</summary>
internal sealed record ServerOptions(
    string SocketPath,
    string LaunchCommand,
    PluginCatalog Catalog,
    JsonLineLoggerProvider Logs)
{
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
