using Microsoft.Extensions.Logging;
using VeleroOpenShift.OpenShift;
using VeleroOpenShift.OpenShift.Cluster;
using VeleroOpenShift.OpenShift.Images;
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

    /// <summary>
    /// The cluster the OpenShift actions ask: in-cluster configuration in Velero's pod, else KUBECONFIG. The
    /// client is created on first use, so discovery and ListPlugins never touch the network.
    /// </summary>
    public Func<ILogger, TimeProvider, IClusterLookups> Cluster { get; init; } = KubernetesClusterLookups.FromEnvironment;

    /// <summary>The OpenShift actions' settings, read from the environment once at start, as the original does.</summary>
    public OpenShiftOptions OpenShift { get; init; } = OpenShiftOptions.FromEnvironment();

    /// <summary>
    /// The image copier of the imagestream actions, built from the plugin's services (its cluster for backup storage
    /// locations): the registry copy engine with the in-cluster service-account token.
    /// </summary>
    public Func<PluginServices, IImageCopier> ImageCopier { get; init; } = RegistryImageCopier.ForPlugin;
}
