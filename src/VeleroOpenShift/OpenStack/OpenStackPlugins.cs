using VeleroOpenShift.OpenStack.Manila;
using VeleroOpenShift.OpenStack.Swift;
using VeleroOpenShift.Velero;

namespace VeleroOpenShift.OpenStack;

/// <summary>The OpenStack rows of the plugin table (spec §1). Cinder joins when it exists.</summary>
internal static class OpenStackPlugins
{
    public static IReadOnlyList<PluginRegistration> Registrations { get; } =
    [
        PluginRegistration.ObjectStore(
            "community.openstack.org/openstack",
            PluginFamily.OpenStack,
            "Backups in OpenStack Swift containers (Keystone v3 or Swift auth; large objects as SLO)",
            services => new SwiftObjectStore(services.LoggerFactory, services.Time, services.EnvironmentVariable)),
        PluginRegistration.VolumeSnapshotter(
            "community.openstack.org/openstack-manila",
            PluginFamily.OpenStack,
            "Manila shares of Manila CSI volumes: snapshots or full share clones, access rules copied, optional zone moves",
            services => new ManilaVolumeSnapshotter(services.LoggerFactory, services.Time, services.EnvironmentVariable)),
    ];
}
