using Microsoft.Extensions.Logging;
using VeleroOpenShift.OpenShift.Builds;
using VeleroOpenShift.OpenShift.Common;
using VeleroOpenShift.OpenShift.Images;
using VeleroOpenShift.OpenShift.Networking;
using VeleroOpenShift.OpenShift.NonAdmin;
using VeleroOpenShift.OpenShift.Rbac;
using VeleroOpenShift.OpenShift.Secrets;
using VeleroOpenShift.OpenShift.Security;
using VeleroOpenShift.OpenShift.ServiceAccounts;
using VeleroOpenShift.OpenShift.Storage;
using VeleroOpenShift.OpenShift.Workloads;
using VeleroOpenShift.Velero;

namespace VeleroOpenShift.OpenShift;

/// <summary>
/// The OpenShift rows of the plugin table, in the original's registration order (spec §1); the later
/// upstream additions with exact names (spec §14) follow. The numeric prefixes order execution: the
/// common restore action must run before the workload actions that read what it writes.
/// </summary>
internal static class OpenShiftPlugins
{
    private const PluginFamily Family = PluginFamily.OpenShift;

    /// <summary>The resources of both common actions, exactly as the original lists them (with its singular <c>replicationcontroller</c>).</summary>
    private static readonly string[] CommonResources =
    [
        "pods", "imagestreams", "imagestreams.image.openshift.io", "imagestreamtags", "imagestreamtags.image.openshift.io",
        "deployments", "deployments.apps", "deployments.extensions", "deploymentconfigs", "deploymentconfigs.apps.openshift.io",
        "jobs", "jobs.batch", "cronjobs", "cronjobs.batch", "statefulsets", "statefulsets.apps", "daemonsets", "daemonsets.apps",
        "daemonsets.extensions", "replicasets", "replicasets.apps", "replicasets.extensions", "replicationcontroller",
        "buildconfigs", "buildconfigs.build.openshift.io",
    ];

    public static IReadOnlyList<PluginRegistration> Registrations { get; } =
    [
        PluginRegistration.BackupItemAction("openshift.io/01-common-backup-plugin", Family, ResourceSelector.ForResources(CommonResources),
            "Records the backup cluster's server version and internal registry host name on workload items.",
            services => new CommonBackupAction(services.Cluster)),
        PluginRegistration.RestoreItemAction("openshift.io/01-common-restore-plugin", Family, ResourceSelector.ForResources(CommonResources),
            "Records the restore cluster's server version and internal registry host name for the later restore actions.",
            services => new CommonRestoreAction(services.Cluster)),
        PluginRegistration.BackupItemAction("openshift.io/02-serviceaccount-backup-plugin", Family, ResourceSelector.ForResources("serviceaccounts"),
            "Backs up the SCCs that name the service account as a user and records its namespace's SCC ranges.",
            services => new ServiceAccountBackupAction(services.Cluster, services.Time, services.LoggerFactory.CreateLogger<ServiceAccountBackupAction>())),
        PluginRegistration.RestoreItemAction("openshift.io/02-serviceaccount-restore-plugin", Family, ResourceSelector.ForResources("serviceaccounts"),
            "Drops the service account's own generated dockercfg secret and warns when the namespace's SCC ranges changed.",
            services => new ServiceAccountRestoreAction(services.Cluster, services.Time, services.LoggerFactory.CreateLogger<ServiceAccountRestoreAction>())),
        PluginRegistration.ItemBlockAction("openshift.io/02-serviceaccount-iba-plugin", Family, ResourceSelector.ForResources("serviceaccounts"),
            "Keeps the security context constraints that name the service account in its item block.",
            services => new ServiceAccountItemBlockAction(services.Cluster, services.Time, services.LoggerFactory.CreateLogger<ServiceAccountItemBlockAction>())),
        PluginRegistration.BackupItemAction("openshift.io/03-pv-backup-plugin", Family, ResourceSelector.ForResources("persistentvolumes"),
            "Migration: keeps volumes to be moved with the Retain policy so their data outlives the source claim.",
            services => new PersistentVolumeBackupAction(services.Cluster)),
        PluginRegistration.RestoreItemAction("openshift.io/03-pv-restore-plugin", Family, ResourceSelector.ForResources("persistentvolumes"),
            "Migration: gives copied volumes the target storage class; stage restores skip snapshot copies.",
            _ => new PersistentVolumeRestoreAction()),
        PluginRegistration.RestoreItemAction("openshift.io/04-pvc-restore-plugin", Family, ResourceSelector.ForResources("persistentvolumeclaims"),
            "Migration: unbinds copied claims, sets the target storage class and access mode, drops the selected node.",
            _ => new PersistentVolumeClaimRestoreAction()),
        PluginRegistration.BackupItemAction("openshift.io/04-imagestreamtag-backup-plugin", Family, ResourceSelector.ForResources("imagestreamtags"),
            "Records the image stream tag a tag references, for the restore to wait for.",
            services => new ImageStreamTagBackupAction(services.Cluster, services.LoggerFactory.CreateLogger<ImageStreamTagBackupAction>())),
        PluginRegistration.RestoreItemActionV2("openshift.io/04-imagestreamtag-restore-plugin", Family, ResourceSelector.ForResources("imagestreamtags"),
            "Restores reference tags after the tags they reference; skips tags recreated by image pushes.",
            services => new ImageStreamTagRestoreAction(services.Cluster)),
        PluginRegistration.RestoreItemAction("openshift.io/05-route-restore-plugin", Family, ResourceSelector.ForResources("routes"),
            "Drops a generated route host so the destination cluster generates its own.",
            _ => new RouteRestoreAction()),
        PluginRegistration.RestoreItemAction("openshift.io/06-build-restore-plugin", Family, ResourceSelector.ForResources("builds"),
            "Skips builds; their BuildConfigs recreate them.",
            _ => new BuildRestoreAction()),
        PluginRegistration.BackupItemAction("openshift.io/07-pod-backup-plugin", Family, ResourceSelector.ForResources("pods"),
            "Marks pods as backed up with the DeploymentConfig fix and backs up the SCC they run under.",
            services => new PodBackupAction(services.Cluster, services.LoggerFactory.CreateLogger<PodBackupAction>())),
        PluginRegistration.RestoreItemAction("openshift.io/07-pod-restore-plugin", Family, ResourceSelector.ForResources("pods"),
            "Skips build and controller-owned pods, disconnects DeploymentConfig pods, moves images and swaps pull secrets.",
            services => new PodRestoreAction(services.Cluster, services.Time, services.LoggerFactory.CreateLogger<PodRestoreAction>())),
        PluginRegistration.BackupItemAction("openshift.io/08-deploymentconfig-backup-plugin", Family, ResourceSelector.ForResources("deploymentconfigs"),
            "Records whether a DeploymentConfig's pods have restore hooks or volumes, and their labels.",
            services => new DeploymentConfigBackupAction(services.Cluster)),
        PluginRegistration.RestoreItemAction("openshift.io/08-deploymentconfig-restore-plugin", Family, ResourceSelector.ForResources("deploymentconfigs"),
            "Moves images, maps trigger namespaces, and scales a DeploymentConfig to zero while its pods' volumes are restored.",
            services => new DeploymentConfigRestoreAction(services.Cluster, services.LoggerFactory.CreateLogger<DeploymentConfigRestoreAction>())),
        PluginRegistration.BackupItemAction("openshift.io/09-replicationcontroller-backup-plugin", Family, ResourceSelector.ForResources("replicationcontrollers"),
            "Marks replication controllers of paused DeploymentConfigs.",
            services => new ReplicationControllerBackupAction(services.Cluster)),
        PluginRegistration.RestoreItemAction("openshift.io/09-replicationcontroller-restore-plugin", Family, ResourceSelector.ForResources("replicationcontrollers"),
            "Moves images; skips replication controllers of DeploymentConfigs unless the DC was paused.",
            _ => new ReplicationControllerRestoreAction()),
        PluginRegistration.RestoreItemAction("openshift.io/10-job-restore-plugin", Family, ResourceSelector.ForResources("jobs"),
            "Moves job images to the restore cluster's registry; skips jobs created by a CronJob.",
            _ => new JobRestoreAction()),
        PluginRegistration.RestoreItemAction("openshift.io/11-daemonset-restore-plugin", Family, ResourceSelector.ForResources("daemonsets.apps"),
            "Moves daemon set images to the restore cluster's internal registry.",
            _ => new PodTemplateRestoreAction()),
        PluginRegistration.RestoreItemAction("openshift.io/12-replicaset-restore-plugin", Family, ResourceSelector.ForResources("replicasets.apps"),
            "Moves replica set images to the restore cluster's internal registry.",
            _ => new PodTemplateRestoreAction()),
        PluginRegistration.RestoreItemAction("openshift.io/13-deployment-restore-plugin", Family, ResourceSelector.ForResources("deployments.apps"),
            "Moves deployment images to the restore cluster's registry and maps namespaces in image triggers.",
            services => new DeploymentRestoreAction(services.LoggerFactory.CreateLogger<DeploymentRestoreAction>())),
        PluginRegistration.RestoreItemAction("openshift.io/14-statefulset-restore-plugin", Family, ResourceSelector.ForResources("statefulsets.apps"),
            "Moves stateful set images to the restore cluster's internal registry.",
            _ => new PodTemplateRestoreAction()),
        PluginRegistration.RestoreItemAction("openshift.io/15-service-restore-plugin", Family, ResourceSelector.ForResources("services"),
            "Drops the external IPs of LoadBalancer services.",
            _ => new ServiceRestoreAction()),
        PluginRegistration.RestoreItemAction("openshift.io/16-cronjob-restore-plugin", Family, ResourceSelector.ForResources("cronjobs"),
            "Moves cron job images to the restore cluster's internal registry.",
            _ => new CronJobRestoreAction()),
        PluginRegistration.RestoreItemAction("openshift.io/17-buildconfig-restore-plugin", Family, ResourceSelector.ForResources("buildconfigs"),
            "Swaps generated pull and push secrets for the live service accounts' and moves DockerImage references.",
            services => new BuildConfigRestoreAction(services.Cluster)),
        PluginRegistration.RestoreItemAction("openshift.io/18-secret-restore-plugin", Family, ResourceSelector.ForResources("secrets"),
            "Skips serving-certificate secrets; the service CA operator recreates them.",
            _ => new SecretRestoreAction()),
        PluginRegistration.BackupItemAction("openshift.io/19-is-backup-plugin", Family, ResourceSelector.ForResources("imagestreams"),
            "Copies an image stream's internal images to the migration registry or backup storage location when enabled.",
            services => new ImageStreamBackupAction(services.OpenShift)),
        PluginRegistration.RestoreItemAction("openshift.io/19-is-restore-plugin", Family, ResourceSelector.ForResources("imagestreams"),
            "Pushes an image stream's copied images into the restore cluster's registry when they were copied at backup.",
            services => new ImageStreamRestoreAction(services.Cluster, services.OpenShift)),
        PluginRegistration.RestoreItemAction("openshift.io/20-SCC-restore-plugin", Family, ResourceSelector.ForResources("securitycontextconstraints"),
            "Maps the namespaces of service-account users of security context constraints.",
            _ => new SccRestoreAction()),
        PluginRegistration.RestoreItemAction("openshift.io/21-role-bindings-restore-plugin", Family, ResourceSelector.ForResources("rolebinding.authorization.openshift.io"),
            "Skips OpenShift's system role bindings and maps namespaces in role refs, subjects, users and groups.",
            _ => new OpenShiftRoleBindingRestoreAction(skipSystemBindings: true)),
        PluginRegistration.RestoreItemAction("openshift.io/22-cluster-role-bindings-restore-plugin", Family, ResourceSelector.ForResources("clusterrolebinding.authorization.openshift.io"),
            "Maps namespaces in role refs, subjects, users and groups of cluster role bindings.",
            _ => new OpenShiftRoleBindingRestoreAction(skipSystemBindings: false)),
        PluginRegistration.RestoreItemAction("openshift.io/23-imagetag-restore-plugin", Family, ResourceSelector.ForResources("imagetags"),
            "Skips image tags; they are derived objects.",
            _ => new ImageTagRestoreAction()),
        PluginRegistration.RestoreItemAction("openshift.io/24-horizontalpodautoscaler-restore-plugin", Family, ResourceSelector.ForResources("horizontalpodautoscalers"),
            "Points autoscalers of legacy DeploymentConfig references at apps.openshift.io/v1.",
            _ => new HorizontalPodAutoscalerRestoreAction()),
        PluginRegistration.BackupItemAction("openshift.io/25-configmap-backup-plugin", Family, ResourceSelector.ForResources("configmaps"),
            "Marks build CA ConfigMaps owned by build pods so their restore is skipped.",
            services => new ConfigMapBackupAction(services.Cluster, services.LoggerFactory.CreateLogger<ConfigMapBackupAction>())),
        PluginRegistration.RestoreItemAction("openshift.io/25-configmap-restore-plugin", Family, ResourceSelector.ForResources("configmaps"),
            "Skips ConfigMaps marked as build CA ConfigMaps at backup.",
            _ => new ConfigMapRestoreAction()),
        PluginRegistration.RestoreItemAction("openshift.io/26-nonadmin-restore-plugin", Family,
            ResourceSelector.ForResources("nonadminbackups.oadp.openshift.io", "nonadminrestores.oadp.openshift.io", "nonadminbackupstoragelocations.oadp.openshift.io"),
            "Skips OADP non-admin objects; the non-admin controller owns them.",
            _ => new NonAdminRestoreAction()),
        PluginRegistration.RestoreItemAction("openshift.io/27-rbac-role-bindings-restore-plugin", Family, ResourceSelector.ForResources("rolebindings"),
            "Skips OpenShift's system role bindings in the rbac.authorization.k8s.io group.",
            _ => new RbacRoleBindingRestoreAction()),
        PluginRegistration.RestoreItemAction("openshift.io/04-vmfr-pvc-restore-plugin", Family, ResourceSelector.ForResources("persistentvolumeclaims"),
            "VM file restore: gives each claim a unique name and records its backup and original name.",
            _ => new VmFileRestorePvcRestoreAction()),
    ];
}
