namespace VeleroOpenShift.OpenShift.Common;

/// <summary>Which of the two workflows a Backup or Restore belongs to (spec terminology).</summary>
public enum WorkflowKind
{
    /// <summary>Plain OADP backup and restore.</summary>
    Oadp,

    /// <summary>MTC migration: Backup/Restore labelled <c>app.kubernetes.io/part-of=openshift-migration</c>.</summary>
    Migration,
}
