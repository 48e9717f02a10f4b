namespace VeleroOpenShift.OpenStack.Volumes;

/// <summary>Statuses the pollers compare against (spec §8.4).</summary>
public static class ResourceStatus
{
    public const string Available = "available";
    public const string InUse = "in-use";
    public const string Active = "active";
    public const string Error = "error";

    /// <summary>Reached when the resource answers 404.</summary>
    public const string Deleted = "deleted";

    /// <summary>The reference treats every status containing "error" (error_deleting, error_restoring, ...) as final failure.</summary>
    public static bool IsFailure(string status) => status.Contains(Error, StringComparison.Ordinal);
}
