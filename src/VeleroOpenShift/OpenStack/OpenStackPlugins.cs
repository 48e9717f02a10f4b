using VeleroOpenShift.OpenStack.Cinder;
using VeleroOpenShift.OpenStack.Manila;
using VeleroOpenShift.OpenStack.Swift;
using VeleroOpenShift.Velero;

namespace VeleroOpenShift.OpenStack;

/// <summary>The OpenStack rows of the plugin table (spec §1).</summary>
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
            "community.openstack.org/openstack-cinder",
            PluginFamily.OpenStack,
            "Cinder volumes preserved as snapshots, clones, backups or Glance images (location config key method)",
            services => new CinderVolumeSnapshotter(services.LoggerFactory, services.Time, services.EnvironmentVariable)),

        // The name older VolumeSnapshotLocations use; the same snapshotter (spec §1).
        PluginRegistration.VolumeSnapshotter(
            "community.openstack.org/openstack",
            PluginFamily.OpenStack,
            "Legacy name of community.openstack.org/openstack-cinder, kept for existing VolumeSnapshotLocations",
            services => new CinderVolumeSnapshotter(services.LoggerFactory, services.Time, services.EnvironmentVariable)),
        PluginRegistration.VolumeSnapshotter(
            "community.openstack.org/openstack-manila",
            PluginFamily.OpenStack,
            "Manila shares of Manila CSI volumes: snapshots or full share clones, access rules copied, optional zone moves",
            services => new ManilaVolumeSnapshotter(services.LoggerFactory, services.Time, services.EnvironmentVariable)),
    ];
}
