namespace VeleroOpenShift.Kube;

/// <summary>
/// The resources of Kubernetes and OpenShift that the actions and their selectors name, as API discovery
/// reports them. Used where no cluster is asked (offline transforms, the restore preview); order matters
/// where a plural exists in several groups: the first one is the preferred group, as discovery prefers it.
/// </summary>
internal static class KnownResourceTypes
{
    public static readonly IReadOnlyList<ResourceType> All =
    [
        // core
        new("", "Pod", "pods", true, "po"),
        new("", "Service", "services", true, "svc"),
        new("", "ServiceAccount", "serviceaccounts", true, "sa"),
        new("", "Secret", "secrets", true),
        new("", "ConfigMap", "configmaps", true, "cm"),
        new("", "PersistentVolume", "persistentvolumes", false, "pv"),
        new("", "PersistentVolumeClaim", "persistentvolumeclaims", true, "pvc"),
        new("", "ReplicationController", "replicationcontrollers", true, "rc"),
        new("", "Namespace", "namespaces", false, "ns"),
        new("", "Endpoints", "endpoints", true, "ep"),
        new("", "Event", "events", true, "ev"),
        new("", "LimitRange", "limitranges", true, "limits"),
        new("", "ResourceQuota", "resourcequotas", true, "quota"),
        new("", "Node", "nodes", false, "no"),
        // apps, batch, autoscaling, networking, rbac, storage
        new("apps", "Deployment", "deployments", true, "deploy"),
        new("apps", "StatefulSet", "statefulsets", true, "sts"),
        new("apps", "DaemonSet", "daemonsets", true, "ds"),
        new("apps", "ReplicaSet", "replicasets", true, "rs"),
        new("apps", "ControllerRevision", "controllerrevisions", true),
        new("extensions", "Deployment", "deployments", true, "deploy"),
        new("extensions", "DaemonSet", "daemonsets", true, "ds"),
        new("extensions", "ReplicaSet", "replicasets", true, "rs"),
        new("extensions", "Ingress", "ingresses", true, "ing"),
        new("batch", "Job", "jobs", true),
        new("batch", "CronJob", "cronjobs", true, "cj"),
        new("autoscaling", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true, "hpa"),
        new("networking.k8s.io", "Ingress", "ingresses", true, "ing"),
        new("networking.k8s.io", "NetworkPolicy", "networkpolicies", true, "netpol"),
        new("rbac.authorization.k8s.io", "Role", "roles", true),
        new("rbac.authorization.k8s.io", "RoleBinding", "rolebindings", true),
        new("rbac.authorization.k8s.io", "ClusterRole", "clusterroles", false),
        new("rbac.authorization.k8s.io", "ClusterRoleBinding", "clusterrolebindings", false),
        new("storage.k8s.io", "StorageClass", "storageclasses", false, "sc"),
        new("snapshot.storage.k8s.io", "VolumeSnapshot", "volumesnapshots", true, "vs"),
        new("snapshot.storage.k8s.io", "VolumeSnapshotContent", "volumesnapshotcontents", false, "vsc"),
        new("apiextensions.k8s.io", "CustomResourceDefinition", "customresourcedefinitions", false, "crd", "crds"),
        // OpenShift
        new("apps.openshift.io", "DeploymentConfig", "deploymentconfigs", true, "dc"),
        new("build.openshift.io", "BuildConfig", "buildconfigs", true, "bc"),
        new("build.openshift.io", "Build", "builds", true),
        new("image.openshift.io", "ImageStream", "imagestreams", true, "is"),
        new("image.openshift.io", "ImageStreamTag", "imagestreamtags", true, "istag"),
        new("image.openshift.io", "ImageTag", "imagetags", true, "itag"),
        new("image.openshift.io", "Image", "images", false),
        new("route.openshift.io", "Route", "routes", true),
        new("security.openshift.io", "SecurityContextConstraints", "securitycontextconstraints", false, "scc"),
        new("authorization.openshift.io", "RoleBinding", "rolebindings", true),
        new("authorization.openshift.io", "ClusterRoleBinding", "clusterrolebindings", false),
        new("authorization.openshift.io", "Role", "roles", true),
        new("authorization.openshift.io", "ClusterRole", "clusterroles", false),
        new("project.openshift.io", "Project", "projects", false),
        new("template.openshift.io", "Template", "templates", true),
        new("quota.openshift.io", "ClusterResourceQuota", "clusterresourcequotas", false, "clusterquota"),
        new("config.openshift.io", "ClusterVersion", "clusterversions", false),
        new("config.openshift.io", "Image", "images", false),
        // Velero and OADP
        new("velero.io", "Backup", "backups", true),
        new("velero.io", "Restore", "restores", true),
        new("velero.io", "BackupStorageLocation", "backupstoragelocations", true, "bsl"),
        new("velero.io", "VolumeSnapshotLocation", "volumesnapshotlocations", true, "vsl"),
        new("velero.io", "Schedule", "schedules", true),
        new("velero.io", "PodVolumeBackup", "podvolumebackups", true),
        new("velero.io", "PodVolumeRestore", "podvolumerestores", true),
        new("oadp.openshift.io", "DataProtectionApplication", "dataprotectionapplications", true, "dpa"),
        new("oadp.openshift.io", "NonAdminBackup", "nonadminbackups", true, "nab"),
        new("oadp.openshift.io", "NonAdminRestore", "nonadminrestores", true, "nar"),
        new("oadp.openshift.io", "NonAdminBackupStorageLocation", "nonadminbackupstoragelocations", true, "nabsl"),
    ];
}
