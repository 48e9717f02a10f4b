namespace VeleroOpenShift.Velero;

/// <summary>
/// Which original plugin a registration replaces. Deployments may serve only some families
/// (only the OpenStack stores on a cluster that is not OpenShift, for example).
/// </summary>
public enum PluginFamily
{
    /// <summary>The OpenShift Velero plugin's item actions (<c>openshift.io/…</c>).</summary>
    OpenShift,

    /// <summary>The Velero plugin for OpenStack: Swift, Cinder, Manila (<c>community.openstack.org/…</c>).</summary>
    OpenStack,
}
