using System.Collections;
using System.Globalization;
using System.Management.Automation;
using VeleroOpenShift.Cmdlets.Infrastructure;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift.Common;
using VeleroOpenShift.Velero;

namespace VeleroOpenShift.Cmdlets.Commands.Transform;

/// <summary>
/// The Restore the actions see: given whole with -Restore, or built from -NamespaceMapping, -RestoreName
/// and the shared request parameters (-BackupName, -Workflow, -MigrationRegistry, -VeleroNamespace).
/// </summary>
public abstract class RestoreTransformCmdlet : TransformCmdlet
{
    private VeleroRestore? _restore;

    /// <summary>A Velero Restore object (hashtable, ConvertFrom-Json object or JSON text).</summary>
    [Parameter]
    [ValidateNotNull]
    public object? Restore { get; set; }

    /// <summary>Source namespace → target namespace, as velero restore --namespace-mappings.</summary>
    [Parameter]
    [ValidateNotNull]
    public Hashtable? NamespaceMapping { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string RestoreName { get; set; } = "restore";

    internal VeleroRestore VeleroRestore => _restore ?? throw new InvalidOperationException("BeginProcessing has not run.");

    private protected override string RequestedBackupName => _restore?.BackupName ?? BackupName;

    private protected override string RequestedVeleroNamespace => _restore?.Namespace ?? VeleroNamespace;

    private protected override PluginKind[] ActionKinds => [PluginKind.RestoreItemAction, PluginKind.RestoreItemActionV2];

    protected override void BeginProcessing()
    {
        try
        {
            if (Restore is not null && (NamespaceMapping is not null || Bound(nameof(RestoreName)) || Bound(nameof(Workflow)) || Bound(nameof(MigrationRegistry))))
            {
                throw new PSArgumentException("-Restore gives the whole Restore; -NamespaceMapping, -RestoreName, -Workflow and -MigrationRegistry build one instead. Use one way.");
            }

            _restore = Restore is not null
                ? new VeleroRestore(ItemConverter.ToJsonObject(Restore, "Restore"))
                : BuiltRestore();
        }
        catch (Exception e) when (e is Errors.VeleroOpenShiftException or PSArgumentException)
        {
            ThrowFailure(e, Restore ?? Backup);
        }

        base.BeginProcessing();
    }

    private VeleroRestore BuiltRestore()
    {
        // A Backup given whole is the one the restore reads, so the Restore names it and lives beside it.
        var backup = Backup is null ? (ItemReference?)null : ItemReference.Of(ItemConverter.ToJsonObject(Backup, "Backup"));
        return VeleroRequests.Restore(RestoreName, backup?.Namespace ?? VeleroNamespace, backup?.Name ?? BackupName, Mapping(), Workflow, MigrationRegistry);
    }

    private Dictionary<string, string> Mapping()
    {
        var mapping = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in NamespaceMapping ?? [])
        {
            var source = Convert.ToString(entry.Key, CultureInfo.InvariantCulture);
            var target = Convert.ToString(entry.Value is PSObject ps ? ps.BaseObject : entry.Value, CultureInfo.InvariantCulture);
            if (string.IsNullOrEmpty(source) || string.IsNullOrEmpty(target))
            {
                throw new PSArgumentException($"-NamespaceMapping entry '{source}' = '{target}' needs a source and a target namespace.");
            }

            mapping[source] = target;
        }

        return mapping;
    }
}
