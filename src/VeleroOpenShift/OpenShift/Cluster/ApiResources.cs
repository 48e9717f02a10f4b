namespace VeleroOpenShift.OpenShift.Cluster;

/// <summary>Every resource the OpenShift actions read or write in a cluster.</summary>
public static class ApiResources
{
    public static ApiResource Namespaces { get; } = new("", "v1", "namespaces", false);
    public static ApiResource Pods { get; } = new("", "v1", "pods", true);
    public static ApiResource Secrets { get; } = new("", "v1", "secrets", true);
    public static ApiResource ServiceAccounts { get; } = new("", "v1", "serviceaccounts", true);
    public static ApiResource Services { get; } = new("", "v1", "services", true);
    public static ApiResource ConfigMaps { get; } = new("", "v1", "configmaps", true);
    public static ApiResource PersistentVolumes { get; } = new("", "v1", "persistentvolumes", false);
    public static ApiResource DeploymentConfigs { get; } = new("apps.openshift.io", "v1", "deploymentconfigs", true);
    public static ApiResource ImageStreams { get; } = new("image.openshift.io", "v1", "imagestreams", true);
    public static ApiResource ImageStreamTags { get; } = new("image.openshift.io", "v1", "imagestreamtags", true);
    public static ApiResource SecurityContextConstraints { get; } = new("security.openshift.io", "v1", "securitycontextconstraints", false);
    public static ApiResource ClusterVersions { get; } = new("config.openshift.io", "v1", "clusterversions", false);
    public static ApiResource ImageRegistryConfigs { get; } = new("imageregistry.operator.openshift.io", "v1", "configs", false);
    public static ApiResource Backups { get; } = new("velero.io", "v1", "backups", true);
    public static ApiResource BackupStorageLocations { get; } = new("velero.io", "v1", "backupstoragelocations", true);

    public static IReadOnlyList<ApiResource> All { get; } =
    [
        Namespaces, Pods, Secrets, ServiceAccounts, Services, ConfigMaps, PersistentVolumes, DeploymentConfigs, ImageStreams,
        ImageStreamTags, SecurityContextConstraints, ClusterVersions, ImageRegistryConfigs, Backups, BackupStorageLocations,
    ];
}
