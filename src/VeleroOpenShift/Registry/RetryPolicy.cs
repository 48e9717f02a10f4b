namespace VeleroOpenShift.Registry;

/// <summary>
/// How often a registry request or blob transfer is tried, and how long to wait before each retry. The default is the
/// original's (spec §7.5): 7 attempts, waiting 5·k seconds before attempt k, so a registry has almost two minutes to
/// come back (upstream oadp-operator #163, #224, #640: HTTP 500 while uploading layers).
/// </summary>
public sealed record RetryPolicy(int MaxAttempts, TimeSpan Step)
{
    public static RetryPolicy Default { get; } = new(7, TimeSpan.FromSeconds(5));

    /// <summary>The wait before attempt <paramref name="attempt"/> (1 for the first, which does not wait).</summary>
    public TimeSpan DelayBefore(int attempt) => Step * (attempt - 1);
}
