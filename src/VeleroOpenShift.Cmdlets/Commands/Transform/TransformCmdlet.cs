using System.Management.Automation;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using VeleroOpenShift.Cmdlets.Infrastructure;
using VeleroOpenShift.Cmdlets.Output;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift;
using VeleroOpenShift.OpenShift.Cluster;
using VeleroOpenShift.OpenShift.Common;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Transform;

namespace VeleroOpenShift.Cmdlets.Commands.Transform;

/// <summary>
/// What the transform cmdlets share: where the actions' cluster facts come from (a live cluster through
/// -Kubeconfig/-Context, or offline values), which plugins run, and the transformer built from them.
/// </summary>
public abstract class TransformCmdlet : VeleroAsyncCmdlet
{
    private IClusterLookups? _cluster;
    private VeleroBackup? _backup;
    private ItemTransformer? _transformer;

    /// <summary>A kubeconfig file: the actions look things up in that cluster.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Kubeconfig { get; set; }

    /// <summary>The kubeconfig context to use; the file's current context when absent.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Context { get; set; }

    /// <summary>Offline: the Kubernetes version of the cluster (<c>1.29</c>); 1.29 when absent.</summary>
    [Parameter]
    [ValidatePattern(@"^\d+\.\d+$")]
    public string? ServerVersion { get; set; }

    /// <summary>Offline: the internal registry host of the cluster; OpenShift 4's when absent, empty for none.</summary>
    [Parameter]
    [AllowEmptyString]
    public string? RegistryHostname { get; set; }

    /// <summary>Offline: objects the cluster has (hashtables, ConvertFrom-Json objects, JSON text).</summary>
    [Parameter]
    public object[]? ClusterObject { get; set; }

    /// <summary>Offline: JSON files or folders of objects the cluster has.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? ClusterObjectPath { get; set; }

    /// <summary>The Velero Backup object (hashtable, ConvertFrom-Json object or JSON text) the actions see.</summary>
    [Parameter]
    [ValidateNotNull]
    public object? Backup { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string BackupName { get; set; } = "backup";

    /// <summary>The namespace Velero runs in, where its Backup and Restore objects live.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string VeleroNamespace { get; set; } = VeleroRequests.DefaultVeleroNamespace;

    [Parameter]
    public WorkflowKind Workflow { get; set; } = WorkflowKind.Oadp;

    /// <summary>The migration registry route of the migration workflow.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? MigrationRegistry { get; set; }

    /// <summary>Run only these plugins (exact names).</summary>
    [Parameter]
    [ArgumentCompleter(typeof(Completers.PluginNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Plugin { get; set; }

    private bool Offline => ServerVersion is not null || RegistryHostname is not null || ClusterObject is not null || ClusterObjectPath is not null;

    /// <summary>The transformer over the registration table, created once per pipeline run.</summary>
    internal ItemTransformer Transformer => _transformer ?? throw new InvalidOperationException("BeginProcessing has not run.");

    /// <summary>The Backup the actions see; offline, the cluster has it too (a restore looks it up).</summary>
    internal VeleroBackup VeleroBackup => _backup ?? throw new InvalidOperationException("BeginProcessing has not run.");

    /// <summary>The name of the backup when none is given whole: a restore names its own.</summary>
    private protected virtual string RequestedBackupName => BackupName;

    /// <summary>Where the built Backup lives: a Restore given whole reads its Backup from its own namespace.</summary>
    private protected virtual string RequestedVeleroNamespace => VeleroNamespace;

    /// <summary>The plugin kinds this cmdlet runs, which -Plugin names must be registered as.</summary>
    private protected abstract PluginKind[] ActionKinds { get; }

    /// <summary>Whether parameters that build a request were given beside the whole object.</summary>
    private protected bool Bound(string parameter) => MyInvocation.BoundParameters.ContainsKey(parameter);

    protected override void BeginProcessing()
    {
        try
        {
            if (Backup is not null && (Bound(nameof(BackupName)) || Bound(nameof(Workflow)) || Bound(nameof(MigrationRegistry))))
            {
                throw new PSArgumentException("-Backup gives the whole Backup; -BackupName, -Workflow and -MigrationRegistry build one instead. Use one way.");
            }

            _backup = Backup is not null
                ? new VeleroBackup(ItemConverter.ToJsonObject(Backup, "Backup"))
                : VeleroRequests.Backup(RequestedBackupName, RequestedVeleroNamespace, Workflow, MigrationRegistry);
        }
        catch (Exception e) when (e is Errors.VeleroOpenShiftException or PSArgumentException)
        {
            ThrowFailure(e, Backup);
        }

        if (Kubeconfig is not null && Offline)
        {
            ThrowFailure(new PSArgumentException("-Kubeconfig reads facts from a live cluster; it cannot be combined with -ServerVersion, -RegistryHostname, -ClusterObject or -ClusterObjectPath."), Kubeconfig);
        }

        if (Context is not null && Kubeconfig is null)
        {
            ThrowFailure(new PSArgumentException("-Context names a context of the file given with -Kubeconfig."), Context);
        }

        // A misspelt name would otherwise run no action at all and look like an item no action changes.
        if (Plugin?.FirstOrDefault(name => !PluginCatalog.Default.Registrations.Any(r => r.Name == name && ActionKinds.Contains(r.Kind))) is { } unknown)
        {
            ThrowFailure(new Errors.PluginNotFoundException(ActionKinds[0], unknown), unknown);
        }

        try
        {
            _cluster = Kubeconfig is { } path
                ? new ReadOnlyClusterLookups(
                    KubernetesClusterLookups.FromKubeconfig(ExistingKubeconfig(path), Context, Services.LoggerFactory.CreateLogger("cluster"), Services.Time),
                    Services.LoggerFactory.CreateLogger("cluster"))
                : OfflineCluster();
        }
        catch (Exception e) when (e is Errors.VeleroOpenShiftException or IOException)
        {
            ThrowFailure(e, Kubeconfig ?? (object?)ClusterObjectPath);
        }

        var services = Services with { Cluster = _cluster!, OpenShift = OpenShiftOptions.FromEnvironment() };
        _transformer = new ItemTransformer(PluginCatalog.Default, services, Plugin is null ? null : new HashSet<string>(Plugin, StringComparer.Ordinal));
    }

    /// <summary>Transforms every item of -Item or -Path/-LiteralPath; a failing item is reported and the rest go on.</summary>
    private protected void TransformEach(object? item, string[] paths, bool literal, Func<JsonObject, CancellationToken, Task<ItemTransformResult>> transform)
    {
        foreach (var input in TransformInputs.Read(this, item, paths, literal, CancellationToken))
        {
            try
            {
                RunEngine(async cancellationToken => Pipeline.WriteObject(new VeleroItemTransform(await transform(input, cancellationToken).ConfigureAwait(false))));
            }
            catch (Errors.VeleroOpenShiftException failure)
            {
                // The item, not the file it came from: a List file holds many, and the action failed on this one.
                WriteFailure(failure, ItemReference.Of(input).ToString());
            }
        }
    }

    /// <summary>
    /// The client loads the kubeconfig on first use, so a missing file would fail every item alone; it is a
    /// blocking failure, reported once before any item.
    /// </summary>
    private string ExistingKubeconfig(string path)
    {
        var resolved = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
        return File.Exists(resolved) ? resolved : throw new FileNotFoundException($"The kubeconfig file '{resolved}' does not exist.", resolved);
    }

    private OfflineClusterLookups OfflineCluster()
    {
        var objects = new List<JsonObject> { VeleroBackup.Json };
        foreach (var obj in ClusterObject ?? [])
        {
            objects.AddRange(ClusterObjectFiles.Expand(ItemConverter.ToJsonObject(obj, "ClusterObject"), "ClusterObject"));
        }

        foreach (var path in ClusterObjectPath ?? [])
        {
            var resolved = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
            objects.AddRange(ClusterObjectFiles.LoadAsync(resolved, CancellationToken).GetAwaiter().GetResult());
        }

        return new OfflineClusterLookups(
            OpenShift.Cluster.ServerVersion.FromMajorMinor(ServerVersion ?? OfflineClusterLookups.AssumedServerVersion),
            RegistryHostname ?? OfflineClusterLookups.AssumedRegistryHostname,
            objects,
            Services.LoggerFactory.CreateLogger("cluster"),
            Services.Time);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _cluster is IDisposable disposable)
        {
            disposable.Dispose();
        }

        base.Dispose(disposing);
    }
}
