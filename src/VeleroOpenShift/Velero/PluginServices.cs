using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VeleroOpenShift.OpenShift;
using VeleroOpenShift.OpenShift.Cluster;

namespace VeleroOpenShift.Velero;

/// <summary>What a plugin factory may use: logging, time and the environment. Each front end supplies its own.</summary>
public sealed record PluginServices(ILoggerFactory LoggerFactory, TimeProvider Time)
{
    /// <summary>Silent logging and the system clock, for callers that need neither.</summary>
    public static PluginServices Default { get; } = new(NullLoggerFactory.Instance, TimeProvider.System);

    /// <summary>
    /// The cluster the OpenShift actions consult. Unless a front end supplies one, offline look-ups with no
    /// values: actions that need a cluster fact fail with a message naming the missing value.
    /// </summary>
    public IClusterLookups Cluster { get; init; } = new OfflineClusterLookups();

    /// <summary>Settings of the OpenShift actions (image-stream backup through the BSL, the image copier).</summary>
    public OpenShiftOptions OpenShift { get; init; } = OpenShiftOptions.Default;

    /// <summary>
    /// Reads an environment variable: null when unset, "" when set but empty (the OpenStack rules tell the two
    /// apart). Replaceable so that tests and parallel runspaces need not change the process environment.
    /// </summary>
    public Func<string, string?> EnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;
}
