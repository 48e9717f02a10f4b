using VeleroOpenShift.Velero;

namespace VeleroOpenShift.OpenShift.Common;

/// <summary>The migration (MTC) workflow is marked by a label on the Backup or Restore; everything else is plain OADP.</summary>
internal static class Workflow
{
    public static bool IsMigration(VeleroObject backupOrRestore) =>
        backupOrRestore.Labels.TryGetValue(OpenShiftConstants.MigrationWorkflowLabelKey, out var value)
        && value == OpenShiftConstants.MigrationWorkflowLabelValue;
}
