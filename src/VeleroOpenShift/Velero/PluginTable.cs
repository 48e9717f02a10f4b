using VeleroOpenShift.OpenShift;

namespace VeleroOpenShift.Velero;

/// <summary>
/// The one registration table. Each area contributes its rows here, in the order Velero should run them.
/// Areas not yet implemented contribute nothing rather than rows that cannot work.
/// </summary>
internal static class PluginTable
{
    public static IReadOnlyList<PluginRegistration> All { get; } = [.. OpenShiftPlugins.Registrations, .. OpenStack.OpenStackPlugins.Registrations];
}
