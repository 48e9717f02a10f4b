namespace VeleroOpenShift.OpenShift.Common;

/// <summary>
/// The exact strings of spec §2: annotation and label keys the actions read and write, and other fixed
/// values. Backups written by the original plugin carry these keys, so they must never change.
/// </summary>
public static class OpenShiftConstants
{
    // §2.1 annotations and labels
    public const string BackupServerVersion = "openshift.io/backup-server-version";
    public const string RestoreServerVersion = "openshift.io/restore-server-version";
    public const string BackupRegistryHostname = "openshift.io/backup-registry-hostname";
    public const string RestoreRegistryHostname = "openshift.io/restore-registry-hostname";
    public const string MigrationRegistry = "openshift.io/migration-registry";
    public const string PausedOwnerRef = "openshift.io/paused-owner-ref";
    public const string MigrationWorkflowLabelKey = "app.kubernetes.io/part-of";
    public const string MigrationWorkflowLabelValue = "openshift-migration";
    public const string SkipBuildConfigConfigMapRestore = "oadp.openshift.io/skip-buildconfig-configmap-restore";
    public const string SkipImageCopy = "openshift.io/skip-image-copy";
    public const string DisableImageCopy = "migration.openshift.io/disable-image-copy";
    public const string MigMigrationType = "migration.openshift.io/migmigration-type";
    public const string MigMigrationTypeStage = "stage";
    public const string MigMigrationTypeFinal = "final";
    public const string IncludedInStageBackupLabel = "migration-included-stage-backup";
    public const string InitialBackupLabel = "migration-initial-backup";
    public const string StageBackupLabel = "migration-stage-backup";
    public const string StageRestoreLabel = "migration-stage-restore";
    public const string FinalRestoreLabel = "migration-final-restore";
    public const string ExcludePvcs = "migration.openshift.io/exclude-pvcs";
    public const string MigrateType = "openshift.io/migrate-type";
    public const string MigrateTypeCopy = "copy";
    public const string MigrateTypeMove = "move";
    public const string TargetStorageClass = "openshift.io/target-storage-class";
    public const string TargetAccessMode = "openshift.io/target-access-mode";
    public const string CopyMethod = "migration.openshift.io/copy-method";
    public const string CopyMethodSnapshot = "snapshot";
    public const string CopyMethodFilesystem = "filesystem";
    public const string PullSecretServiceAccount = "openshift.io/internal-registry-auth-token.service-account";
    public const string ServiceAccountPullSecretRef = "openshift.io/internal-registry-pull-secret-ref";
    public const string LegacyServiceAccountName = "kubernetes.io/service-account.name";
    public const string LegacyServiceAccountUid = "kubernetes.io/service-account.uid";
    public const string StagePodImage = "migration.openshift.io/stage-pod-image";
    public const string RelatedIstagNamespace = "migration.openshift.io/related-istag-ns";
    public const string RelatedIstag = "migration.openshift.io/related-istag";
    public const string SelectedNode = "volume.kubernetes.io/selected-node";
    public const string OriginalReclaimPolicy = "migration.openshift.io/orig-reclaim-policy";
    public const string DeploymentLabel = "deployment";
    public const string DeploymentConfigLabel = "deploymentconfig";
    public const string DisconnectedFromDcLabel = "oadp.openshift.io/disconnected-from-dc";
    public const string OriginalReplicas = "oadp.openshift.io/original-replicas";
    public const string OriginalPaused = "oadp.openshift.io/original-paused";
    public const string ReplicasModifiedLabel = "oadp.openshift.io/replicas-modified";
    public const string IncludesDmDcFix = "oadp.openshift.io/includes-dm-dc-fix";
    public const string HasPodRestoreHooks = "oadp.openshift.io/has-pod-restore-hooks";
    public const string PodsHaveVolumes = "oadp.openshift.io/pods-have-volumes";
    public const string PodLabels = "oadp.openshift.io/pod-labels";
    public const string PostRestoreHookCommand = "post.hook.restore.velero.io/command";
    public const string InitRestoreHookContainerImage = "init.hook.restore.velero.io/container-image";
    public const string RouteHostGenerated = "openshift.io/host.generated";
    public const string OriginatingServiceName = "service.alpha.openshift.io/originating-service-name";
    public const string BuildName = "openshift.io/build.name";
    public const string BetaStorageClass = "volume.beta.kubernetes.io/storage-class";
    public const string BackupVolumesExcludes = "backup.velero.io/backup-volumes-excludes";
    public const string BackupVolumes = "backup.velero.io/backup-volumes";
    public const string PodScc = "openshift.io/scc";

    // Defined by the original, no longer read; kept so old objects and docs can be recognised.
    public const string LegacyRegistryConfigMap = "oadp-registry-config";
    public const string MigratedByMigMigrationLabel = "migration.openshift.io/migrated-by-migmigration";
    public const string MigratedByMigPlanLabel = "migration.openshift.io/migrated-by-migplan";

    // §14.3 VM file restore
    public const string VmFileRestore = "oadp.openshift.io/vmfr-restore";
    public const string VmFileRestoreBackup = "oadp.openshift.io/vmfr-backup";
    public const string VmFileRestoreOriginalName = "oadp.openshift.io/vmfr-original-name";

    // §14.4 namespace SCC ranges: the namespace keys, and the bookkeeping keys this module chose
    // (the original's exact strings were not available).
    public const string NamespaceSccUidRange = "openshift.io/sa.scc.uid-range";
    public const string NamespaceSccSupplementalGroups = "openshift.io/sa.scc.supplemental-groups";
    public const string NamespaceSccMcs = "openshift.io/sa.scc.mcs";
    public const string BackupNamespaceSccPrefix = "oadp.openshift.io/backup-namespace-";

    // §2.2 other fixed strings
    public const string BslRegistryPrefix = "bsl://";
    public const string ImageStreamBackupVariable = "OPENSHIFT_IMAGESTREAM_BACKUP";
    public static readonly IReadOnlyList<string> DockercfgSecretPrefixes = ["builder-dockercfg-", "default-dockercfg-", "deployer-dockercfg-"];
    public const string DefaultDockercfgSecretPrefix = "default-dockercfg-";
    public static readonly IReadOnlyList<string> SystemRoleBindings = ["system:image-pullers", "system:image-builders", "system:deployers"];
    public static readonly IReadOnlyList<string> BuildConfigMapSuffixes = ["ca", "sys-config"];
    public const string NonAdminGroup = "oadp.openshift.io";
    public static readonly IReadOnlyList<string> NonAdminKinds = ["NonAdminBackup", "NonAdminRestore", "NonAdminBackupStorageLocation"];
    public const string DeploymentConfigApiVersion = "apps.openshift.io/v1";
    public const string SccGroup = "security.openshift.io";
    public const string SccResource = "securitycontextconstraints";
    public const string ImageStreamTagGroup = "image.openshift.io";
    public const string ImageStreamTagResource = "imagestreamtags";
    public const string ClusterVersionName = "version";
    public const string ImageRegistryConfigName = "cluster";
    public const string CredentialsDirectory = "/tmp/credentials";

    /// <summary>The registry secret name template <c>oadp-&lt;bslName&gt;-&lt;bslProvider&gt;-registry-secret</c>.</summary>
    public static string RegistrySecretName(string bslName, string provider) => $"oadp-{bslName}-{provider}-registry-secret";
}
