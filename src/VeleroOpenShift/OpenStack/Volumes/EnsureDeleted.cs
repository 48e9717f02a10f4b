using System.Net;

namespace VeleroOpenShift.OpenStack.Volumes;

/// <summary>
/// Delete-and-verify of the reference's ensureDeleted and cascade options (spec §8.5): delete, wait for 404, and when
/// the resource goes to an error status instead, reset its status and try again, all under one overall timer.
/// Unlike the reference, a delete that keeps answering 409 stops once that timer has run out (§12 deviation 2).
/// </summary>
public sealed class EnsureDeleted(TimeProvider time)
{
    /// <param name="resource">How errors name it: "snapshot 0c3f…".</param>
    /// <param name="delete">Asks for the deletion.</param>
    /// <param name="check">Waits for the resource to be gone (a <see cref="StatusPoller"/> wait for "deleted").</param>
    /// <param name="reset">Resets the resource's status to "error" so that it can be deleted again.</param>
    public async Task RunAsync(
        string resource,
        Func<CancellationToken, Task> delete,
        Func<CancellationToken, Task> check,
        Func<CancellationToken, Task> reset,
        TimeSpan timeout,
        TimeSpan delay,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delete);
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(reset);
        using var overall = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(overall.Token, cancellationToken);
        try
        {
            while (true)
            {
                switch (await DeleteAsync(delete, cancellationToken).ConfigureAwait(false))
                {
                    case DeleteOutcome.Gone:
                        return;
                    case DeleteOutcome.Busy when overall.IsCancellationRequested:
                        throw Exceeded(resource, timeout);
                    case DeleteOutcome.Busy:
                        await Task.Delay(delay, time, linked.Token).ConfigureAwait(false);
                        continue;
                }

                try
                {
                    await check(linked.Token).ConfigureAwait(false);
                    return;
                }
                catch (ResourceStateException e) when (!e.TimedOut)
                {
                    // An error status (error_deleting, ...): reset it below and delete again.
                }

                try
                {
                    await reset(cancellationToken).ConfigureAwait(false);
                }
                catch (OpenStackServiceException e) when (e.Status == HttpStatusCode.NotFound)
                {
                    return;
                }

                await Task.Delay(delay, time, linked.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (overall.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw Exceeded(resource, timeout);
        }
        catch (ResourceStateException e) when (e.TimedOut && overall.IsCancellationRequested)
        {
            throw Exceeded(resource, timeout);
        }
    }

    private static async Task<DeleteOutcome> DeleteAsync(Func<CancellationToken, Task> delete, CancellationToken cancellationToken)
    {
        try
        {
            await delete(cancellationToken).ConfigureAwait(false);
        }
        catch (OpenStackServiceException e) when (e.Status == HttpStatusCode.NotFound)
        {
            return DeleteOutcome.Gone;
        }
        catch (OpenStackServiceException e) when (e.Status == HttpStatusCode.Conflict)
        {
            return DeleteOutcome.Busy;
        }

        return DeleteOutcome.Accepted;
    }

    private static ResourceStateException Exceeded(string resource, TimeSpan timeout) =>
        new(resource, "", timedOut: true, $"{resource}: wait time exceeded: {GoSyntax.FormatDuration(timeout)}");

    private enum DeleteOutcome
    {
        Accepted,
        Gone,
        Busy,
    }
}
