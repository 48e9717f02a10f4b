using VeleroOpenShift.Kube;
using VeleroOpenShift.Velero;

namespace VeleroOpenShift.Tests.OpenShift;

/// <summary>The registration table against spec §1 (and the §14 additions with exact names).</summary>
public sealed class PluginTableTests
{
    private static readonly string[] Common =
    [
        "pods", "imagestreams", "imagestreams.image.openshift.io", "imagestreamtags", "imagestreamtags.image.openshift.io",
        "deployments", "deployments.apps", "deployments.extensions", "deploymentconfigs", "deploymentconfigs.apps.openshift.io",
        "jobs", "jobs.batch", "cronjobs", "cronjobs.batch", "statefulsets", "statefulsets.apps", "daemonsets", "daemonsets.apps",
        "daemonsets.extensions", "replicasets", "replicasets.apps", "replicasets.extensions", "replicationcontroller",
        "buildconfigs", "buildconfigs.build.openshift.io",
    ];

    /// <summary>Spec §1, row by row, followed by the later upstream registrations of §14.</summary>
    public static readonly (string Name, PluginKind Kind, string[] Resources)[] Spec =
    [
        ("openshift.io/01-common-backup-plugin", PluginKind.BackupItemAction, Common),
        ("openshift.io/01-common-restore-plugin", PluginKind.RestoreItemAction, Common),
        ("openshift.io/02-serviceaccount-backup-plugin", PluginKind.BackupItemAction, ["serviceaccounts"]),
        ("openshift.io/02-serviceaccount-restore-plugin", PluginKind.RestoreItemAction, ["serviceaccounts"]),
        ("openshift.io/02-serviceaccount-iba-plugin", PluginKind.ItemBlockAction, ["serviceaccounts"]),
        ("openshift.io/03-pv-backup-plugin", PluginKind.BackupItemAction, ["persistentvolumes"]),
        ("openshift.io/03-pv-restore-plugin", PluginKind.RestoreItemAction, ["persistentvolumes"]),
        ("openshift.io/04-pvc-restore-plugin", PluginKind.RestoreItemAction, ["persistentvolumeclaims"]),
        ("openshift.io/04-imagestreamtag-backup-plugin", PluginKind.BackupItemAction, ["imagestreamtags"]),
        ("openshift.io/04-imagestreamtag-restore-plugin", PluginKind.RestoreItemActionV2, ["imagestreamtags"]),
        ("openshift.io/05-route-restore-plugin", PluginKind.RestoreItemAction, ["routes"]),
        ("openshift.io/06-build-restore-plugin", PluginKind.RestoreItemAction, ["builds"]),
        ("openshift.io/07-pod-backup-plugin", PluginKind.BackupItemAction, ["pods"]),
        ("openshift.io/07-pod-restore-plugin", PluginKind.RestoreItemAction, ["pods"]),
        ("openshift.io/08-deploymentconfig-backup-plugin", PluginKind.BackupItemAction, ["deploymentconfigs"]),
        ("openshift.io/08-deploymentconfig-restore-plugin", PluginKind.RestoreItemAction, ["deploymentconfigs"]),
        ("openshift.io/09-replicationcontroller-backup-plugin", PluginKind.BackupItemAction, ["replicationcontrollers"]),
        ("openshift.io/09-replicationcontroller-restore-plugin", PluginKind.RestoreItemAction, ["replicationcontrollers"]),
        ("openshift.io/10-job-restore-plugin", PluginKind.RestoreItemAction, ["jobs"]),
        ("openshift.io/11-daemonset-restore-plugin", PluginKind.RestoreItemAction, ["daemonsets.apps"]),
        ("openshift.io/12-replicaset-restore-plugin", PluginKind.RestoreItemAction, ["replicasets.apps"]),
        ("openshift.io/13-deployment-restore-plugin", PluginKind.RestoreItemAction, ["deployments.apps"]),
        ("openshift.io/14-statefulset-restore-plugin", PluginKind.RestoreItemAction, ["statefulsets.apps"]),
        ("openshift.io/15-service-restore-plugin", PluginKind.RestoreItemAction, ["services"]),
        ("openshift.io/16-cronjob-restore-plugin", PluginKind.RestoreItemAction, ["cronjobs"]),
        ("openshift.io/17-buildconfig-restore-plugin", PluginKind.RestoreItemAction, ["buildconfigs"]),
        ("openshift.io/18-secret-restore-plugin", PluginKind.RestoreItemAction, ["secrets"]),
        ("openshift.io/19-is-backup-plugin", PluginKind.BackupItemAction, ["imagestreams"]),
        ("openshift.io/19-is-restore-plugin", PluginKind.RestoreItemAction, ["imagestreams"]),
        ("openshift.io/20-SCC-restore-plugin", PluginKind.RestoreItemAction, ["securitycontextconstraints"]),
        ("openshift.io/21-role-bindings-restore-plugin", PluginKind.RestoreItemAction, ["rolebinding.authorization.openshift.io"]),
        ("openshift.io/22-cluster-role-bindings-restore-plugin", PluginKind.RestoreItemAction, ["clusterrolebinding.authorization.openshift.io"]),
        ("openshift.io/23-imagetag-restore-plugin", PluginKind.RestoreItemAction, ["imagetags"]),
        ("openshift.io/24-horizontalpodautoscaler-restore-plugin", PluginKind.RestoreItemAction, ["horizontalpodautoscalers"]),
        ("openshift.io/25-configmap-backup-plugin", PluginKind.BackupItemAction, ["configmaps"]),
        ("openshift.io/25-configmap-restore-plugin", PluginKind.RestoreItemAction, ["configmaps"]),
        ("openshift.io/26-nonadmin-restore-plugin", PluginKind.RestoreItemAction,
            ["nonadminbackups.oadp.openshift.io", "nonadminrestores.oadp.openshift.io", "nonadminbackupstoragelocations.oadp.openshift.io"]),
        ("openshift.io/27-rbac-role-bindings-restore-plugin", PluginKind.RestoreItemAction, ["rolebindings"]),
        ("openshift.io/04-vmfr-pvc-restore-plugin", PluginKind.RestoreItemAction, ["persistentvolumeclaims"]),
    ];

    private static IReadOnlyList<PluginRegistration> OpenShiftRows =>
        [.. PluginCatalog.Default.Registrations.Where(r => r.Family == PluginFamily.OpenShift)];

    [Fact]
    public void RegisteredRowsAreExactlyTheSpecTableInOrder()
    {
        var rows = OpenShiftRows;
        Assert.Equal(Spec.Select(r => r.Name), rows.Select(r => r.Name));
        for (var i = 0; i < Spec.Length; i++)
        {
            Assert.Equal(Spec[i].Kind, rows[i].Kind);
            Assert.Equal(Spec[i].Resources, rows[i].AppliesTo!.IncludedResources);
            Assert.Empty(rows[i].AppliesTo!.IncludedNamespaces);
            Assert.Empty(rows[i].AppliesTo!.ExcludedNamespaces);
            Assert.Empty(rows[i].AppliesTo!.ExcludedResources);
            Assert.Equal(string.Empty, rows[i].AppliesTo!.LabelSelector);
        }
    }

    [Fact]
    public void TheSpecTableHasItsThirtySevenRowsBeforeTheLaterAdditions() =>
        Assert.Equal(37, Array.FindIndex(Spec, r => r.Name == "openshift.io/26-nonadmin-restore-plugin") + 1);

    [Fact]
    public void EveryApplyToEntryResolvesToTheIntendedResource()
    {
        var catalog = ResourceTypeCatalog.Default;
        Assert.Equal(new GroupResource("", "replicationcontrollers"), catalog.Resolve("replicationcontroller"));
        Assert.Equal(new GroupResource("authorization.openshift.io", "rolebindings"), catalog.Resolve("rolebinding.authorization.openshift.io"));
        Assert.Equal(new GroupResource("rbac.authorization.k8s.io", "rolebindings"), catalog.Resolve("rolebindings"));
        foreach (var row in OpenShiftRows)
        {
            Assert.All(row.AppliesTo!.IncludedResources, resource => Assert.NotNull(catalog.Resolve(resource)));
        }
    }

    [Fact]
    public void EveryRowCreatesItsAction()
    {
        foreach (var row in OpenShiftRows)
        {
            Assert.NotNull(row.Create<object>(PluginServices.Default));
        }
    }
}
