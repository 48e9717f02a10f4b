namespace VeleroOpenShift.OpenStack.Http;

/// <summary>
/// How idempotent requests are retried: attempts in all, exponential back-off with jitter between them, and how long an
/// attempt may go without progress (no response headers, no body bytes sent) before it counts as stalled.
/// </summary>
internal sealed record RetrySettings(int MaxAttempts, TimeSpan FirstDelay, TimeSpan MaxDelay, TimeSpan StallTimeout)
{
    public static RetrySettings Default { get; } = new(5, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(16), TimeSpan.FromMinutes(2));

    /// <summary>Full jitter: a random point in the upper half of the doubled delay, so clients that failed together spread out.</summary>
    public TimeSpan DelayBefore(int retry, Random random)
    {
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, FirstDelay.TotalMilliseconds * Math.Pow(2, retry - 1));
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + (random.NextDouble() / 2)));
    }
}
