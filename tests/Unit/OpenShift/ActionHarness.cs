using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VeleroOpenShift.OpenShift;
using VeleroOpenShift.OpenShift.Cluster;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.Tests.OpenShift;

/// <summary>
/// Runs any registered OpenShift action on a sample item of the resource it applies to, in the migration
/// workflow with a namespace mapping, against an offline cluster that has what the actions look up.
/// Used by the tests that hold for every action.
/// </summary>
internal static class ActionHarness
{
    public static IEnumerable<object[]> Plugins() =>
        PluginCatalog.Default.Registrations.Where(r => r.Family == PluginFamily.OpenShift).Select(r => new object[] { r.Name });

    public static PluginRegistration Registration(string name) => PluginCatalog.Default.Registrations.Single(r => r.Name == name);

    /// <summary>A typical item of the first resource the plugin applies to.</summary>
    public static JsonObject SampleFor(PluginRegistration registration)
    {
        var resource = registration.AppliesTo!.IncludedResources[0];
        var (apiVersion, kind) = resource switch
        {
            "pods" => ("v1", "Pod"),
            "serviceaccounts" => ("v1", "ServiceAccount"),
            "persistentvolumes" => ("v1", "PersistentVolume"),
            "persistentvolumeclaims" => ("v1", "PersistentVolumeClaim"),
            "imagestreamtags" => ("image.openshift.io/v1", "ImageStreamTag"),
            "imagestreams" => ("image.openshift.io/v1", "ImageStream"),
            "routes" => ("route.openshift.io/v1", "Route"),
            "builds" => ("build.openshift.io/v1", "Build"),
            "buildconfigs" => ("build.openshift.io/v1", "BuildConfig"),
            "deploymentconfigs" => ("apps.openshift.io/v1", "DeploymentConfig"),
            "replicationcontrollers" => ("v1", "ReplicationController"),
            "jobs" => ("batch/v1", "Job"),
            "daemonsets.apps" => ("apps/v1", "DaemonSet"),
            "replicasets.apps" => ("apps/v1", "ReplicaSet"),
            "deployments.apps" => ("apps/v1", "Deployment"),
            "statefulsets.apps" => ("apps/v1", "StatefulSet"),
            "services" => ("v1", "Service"),
            "cronjobs" => ("batch/v1", "CronJob"),
            "secrets" => ("v1", "Secret"),
            "securitycontextconstraints" => ("security.openshift.io/v1", "SecurityContextConstraints"),
            "rolebinding.authorization.openshift.io" => ("authorization.openshift.io/v1", "RoleBinding"),
            "clusterrolebinding.authorization.openshift.io" => ("authorization.openshift.io/v1", "ClusterRoleBinding"),
            "imagetags" => ("image.openshift.io/v1", "ImageTag"),
            "horizontalpodautoscalers" => ("autoscaling/v2", "HorizontalPodAutoscaler"),
            "configmaps" => ("v1", "ConfigMap"),
            "nonadminbackups.oadp.openshift.io" => ("oadp.openshift.io/v1alpha1", "NonAdminBackup"),
            "rolebindings" => ("rbac.authorization.k8s.io/v1", "RoleBinding"),
            _ => throw new InvalidOperationException($"no sample for {resource}"),
        };
        var item = Json.O("""
            {'metadata':{'name':'web','namespace':'src','x-unknown-meta':{'k':[1,2.50,'v']},
               'labels':{'app':'web','deploymentconfig':'web','deployment':'web-1'},
               'annotations':{'x-unknown-annotation':'kept','openshift.io/backup-registry-hostname':'old-reg:5000','openshift.io/restore-registry-hostname':'new-reg:5000',
                 'oadp.openshift.io/includes-dm-dc-fix':'true','oadp.openshift.io/pods-have-volumes':'true','openshift.io/migrate-type':'copy','openshift.io/host.generated':'true'}},
             'x-unknown-root':{'deep':{'n':1e3}},
             'spec':{'x-unknown-spec':'s','replicas':2,'type':'LoadBalancer','host':'h','selector':{'app':'web'},
               'scaleTargetRef':{'apiVersion':'v1','kind':'DeploymentConfig','name':'web','x-unknown-ref':true},
               'template':{'spec':{'x-unknown-podspec':0,'containers':[{'name':'c','image':'old-reg:5000/src/web:1','x-unknown-container':null}],
                 'volumes':[{'name':'data','persistentVolumeClaim':{'claimName':'data'},'x-unknown-volume':[]}]}},
               'volumes':[{'name':'data','persistentVolumeClaim':{'claimName':'data'}}],
               'containers':[{'name':'c','image':'old-reg:5000/src/web:1','x-unknown-container':'c'}],
               'triggers':[{'type':'ImageChange','imageChangeParams':{'from':{'kind':'ImageStreamTag','name':'web:1','namespace':'src'},'x-unknown-trigger':1}}]},
             'status':{'x-unknown-status':{}},
             'users':['system:serviceaccount:src:default'],
             'subjects':[{'kind':'ServiceAccount','name':'default','namespace':'src','x-unknown-subject':1}],
             'tag':{'name':'1','from':{'kind':'DockerImage','name':'quay.io/x/y:1','x-unknown-from':2}},
             'image':{'dockerImageReference':'quay.io/x/y@sha256:1','x-unknown-image':3}}
            """);
        item["apiVersion"] = apiVersion;
        item["kind"] = kind;
        if (kind is "PersistentVolume" or "SecurityContextConstraints" or "ClusterRoleBinding")
        {
            item["metadata"]!.AsObject().Remove("namespace");
        }

        return item;
    }

    public static OfflineClusterLookups Cluster() => FixtureRunner.BuildCluster(Json.O("""
        {'serverVersion':'1.29','registryHostname':'new-reg:5000','objects':[
          {'apiVersion':'v1','kind':'Namespace','metadata':{'name':'src'}},
          {'apiVersion':'v1','kind':'Namespace','metadata':{'name':'dst'}},
          {'apiVersion':'v1','kind':'PersistentVolume','metadata':{'name':'web'},'spec':{}},
          {'apiVersion':'velero.io/v1','kind':'Backup','metadata':{'name':'backup-1','namespace':'openshift-adp'}},
          {'apiVersion':'security.openshift.io/v1','kind':'SecurityContextConstraints','metadata':{'name':'anyuid'},'users':['system:serviceaccount:src:web']}]}
        """));

    private static readonly JsonObject WorkflowOverrides = Json.O("""
        {'metadata':{'labels':{'app.kubernetes.io/part-of':'openshift-migration'},'annotations':{'openshift.io/migration-registry':'mig-reg:5000'}},
         'spec':{'namespaceMapping':{'src':'dst'}}}
        """);

    /// <summary>Runs the plugin; returns the item it produced.</summary>
    public static async Task<JsonObject> RunAsync(PluginRegistration registration, JsonObject item, OfflineClusterLookups cluster)
    {
        var services = new PluginServices(NullLoggerFactory.Instance, new FakeTimeProvider()) { Cluster = cluster, OpenShift = OpenShiftOptions.Default };
        var backup = FixtureRunner.Backup((JsonObject)WorkflowOverrides.DeepClone());
        var restore = FixtureRunner.Restore((JsonObject)WorkflowOverrides.DeepClone());
        var fromBackup = (JsonObject)item.DeepClone();
        var ct = CancellationToken.None;
        return registration.Kind switch
        {
            PluginKind.BackupItemAction => (await registration.Create<IBackupItemAction>(services).ExecuteAsync(item, backup, ct)).Item,
            PluginKind.ItemBlockAction => await RelatedAsync(registration.Create<IItemBlockAction>(services), item, backup),
            PluginKind.RestoreItemAction => (await registration.Create<IRestoreItemAction>(services).ExecuteAsync(item, fromBackup, restore, ct)).Item,
            PluginKind.RestoreItemActionV2 => (await registration.Create<IRestoreItemActionV2>(services).ExecuteAsync(item, fromBackup, restore, ct)).Item,
            _ => throw new InvalidOperationException(registration.ToString()),
        };
    }

    private static async Task<JsonObject> RelatedAsync(IItemBlockAction action, JsonObject item, VeleroBackup backup)
    {
        await action.GetRelatedItemsAsync(item, backup, CancellationToken.None);
        return item;
    }
}
