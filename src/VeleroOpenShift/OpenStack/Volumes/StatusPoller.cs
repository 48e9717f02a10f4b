using System.Net;

namespace VeleroOpenShift.OpenStack.Volumes;

/// <summary>
/// Waits for an OpenStack resource to reach one of a set of statuses (spec §8.4): fetch at once, then every second,
/// until the overall timeout. A status containing "error" fails at once; a 404 counts as <c>deleted</c>.
/// </summary>
public sealed class StatusPoller(TimeProvider time)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Returns the last fetched resource, or null when it reached <see cref="ResourceStatus.Deleted"/> by answering 404.
    /// </summary>
    /// <param name="resource">How errors name it: "volume 0c3f…".</param>
    public async Task<T?> WaitAsync<T>(
        string resource,
        Func<CancellationToken, Task<T>> fetch,
        Func<T, string> statusOf,
        IReadOnlyCollection<string> targets,
        TimeSpan timeout,
        CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(fetch);
        ArgumentNullException.ThrowIfNull(statusOf);
        ArgumentNullException.ThrowIfNull(targets);
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        var lastStatus = "";
        try
        {
            while (true)
            {
                T current;
                try
                {
                    current = await fetch(linked.Token).ConfigureAwait(false);
                }
                catch (OpenStackServiceException e) when (e.Status == HttpStatusCode.NotFound && targets.Contains(ResourceStatus.Deleted))
                {
                    return null;
                }

                lastStatus = statusOf(current);
                if (targets.Contains(lastStatus))
                {
                    return current;
                }

                if (ResourceStatus.IsFailure(lastStatus))
                {
                    throw new ResourceStateException(resource, lastStatus, timedOut: false, $"{resource}: unexpected {lastStatus} status");
                }

                await Task.Delay(Interval, time, linked.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var seen = lastStatus.Length == 0 ? "no status was read" : $"last status \"{lastStatus}\"";
            throw new ResourceStateException(
                resource,
                lastStatus,
                timedOut: true,
                $"{resource} did not become {string.Join(" or ", targets)} within {GoSyntax.FormatDuration(timeout)} ({seen}): context deadline exceeded");
        }
    }
}
