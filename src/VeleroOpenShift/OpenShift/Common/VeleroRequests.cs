using System.Text.Json.Nodes;
using VeleroOpenShift.Velero;

namespace VeleroOpenShift.OpenShift.Common;

/// <summary>
/// Builds the Backup and Restore objects Velero would pass to the actions, for transforms run outside
/// Velero (cmdlets, the restore preview): name and namespace, the workflow label, the migration
/// registry annotation, and for a restore its backup name and namespace mapping.
/// </summary>
public static class VeleroRequests
{
    public const string DefaultVeleroNamespace = "openshift-adp";

    public static VeleroBackup Backup(string name, string veleroNamespace, WorkflowKind workflow, string? migrationRegistry) =>
        new(Metadata("Backup", name, veleroNamespace, workflow, migrationRegistry, new JsonObject()));

    public static VeleroRestore Restore(string name, string veleroNamespace, string backupName, IReadOnlyDictionary<string, string> namespaceMapping, WorkflowKind workflow, string? migrationRegistry)
    {
        ArgumentException.ThrowIfNullOrEmpty(backupName);
        ArgumentNullException.ThrowIfNull(namespaceMapping);
        var mapping = new JsonObject();
        foreach (var (source, target) in namespaceMapping)
        {
            mapping[source] = target;
        }

        var spec = new JsonObject { ["backupName"] = backupName };
        if (mapping.Count > 0)
        {
            spec["namespaceMapping"] = mapping;
        }

        return new VeleroRestore(Metadata("Restore", name, veleroNamespace, workflow, migrationRegistry, spec));
    }

    private static JsonObject Metadata(string kind, string name, string veleroNamespace, WorkflowKind workflow, string? migrationRegistry, JsonObject spec)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(veleroNamespace);
        var metadata = new JsonObject { ["name"] = name, ["namespace"] = veleroNamespace };
        if (workflow == WorkflowKind.Migration)
        {
            metadata["labels"] = new JsonObject { [OpenShiftConstants.MigrationWorkflowLabelKey] = OpenShiftConstants.MigrationWorkflowLabelValue };
        }

        if (!string.IsNullOrEmpty(migrationRegistry))
        {
            metadata["annotations"] = new JsonObject { [OpenShiftConstants.MigrationRegistry] = migrationRegistry };
        }

        return new JsonObject { ["apiVersion"] = "velero.io/v1", ["kind"] = kind, ["metadata"] = metadata, ["spec"] = spec };
    }
}
