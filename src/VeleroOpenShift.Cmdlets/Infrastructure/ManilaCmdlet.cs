using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenStack.Manila;

namespace VeleroOpenShift.Cmdlets.Infrastructure;

/// <summary>
/// Base of the Manila cmdlets: connects to Manila with the cloud and OS_* values of the session they work with, once
/// per cmdlet invocation, exactly as the Velero plugin connects.
/// </summary>
public abstract class ManilaCmdlet : OpenStackCmdlet
{
    /// <summary>How long -Wait and Wait-ManilaShare wait unless told otherwise: the plugin's wait default.</summary>
    protected static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    private ManilaAccount? _account;

    /// <summary>The Manila project to work on; a connection failure ends the cmdlet.</summary>
    internal ManilaAccount Account
    {
        get
        {
            if (_account is not null)
            {
                return _account;
            }

            var session = ConnectedSession;
            try
            {
                RunEngine(async cancellationToken => _account = await ManilaAccount.ConnectAsync(
                    session.Cloud, session.EnvironmentVariable, Services.LoggerFactory, Services.Time, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception e) when (e is VeleroOpenShiftException or HttpRequestException)
            {
                ThrowFailure(e, session.Source);
            }

            return _account!;
        }
    }

    /// <summary>
    /// Runs one share's or snapshot's engine work; its failure is reported with the bare id as target object (not the
    /// engine's "share &lt;id&gt;" wording, which <see cref="OpenStackCmdlet.RunForItem"/> would use), so the target can
    /// be fed back to the cmdlets, and the pipeline goes on.
    /// </summary>
    protected void RunForId(string id, Func<CancellationToken, Task> work)
    {
        try
        {
            RunEngine(work);
        }
        catch (Exception e) when (e is VeleroOpenShiftException or HttpRequestException or IOException)
        {
            WriteFailure(e, id);
        }
    }

    /// <summary>Waits for a share with Write-Progress showing each status read.</summary>
    internal Task<ManilaShareInfo> WaitForShareAsync(ManilaAccount account, string shareId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var progress = new WaitProgress(Pipeline, 1, $"Waiting for Manila share {shareId} to be available");
        return Completed(progress, account.WaitForShareAsync(shareId, timeout, progress, cancellationToken));
    }

    /// <summary>Waits for a snapshot with Write-Progress showing each status read.</summary>
    internal Task<ManilaSnapshotInfo> WaitForSnapshotAsync(ManilaAccount account, string snapshotId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var progress = new WaitProgress(Pipeline, 1, $"Waiting for Manila snapshot {snapshotId} to be available");
        return Completed(progress, account.WaitForSnapshotAsync(snapshotId, timeout, progress, cancellationToken));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _account?.Dispose();
        }

        base.Dispose(disposing);
    }

    private static async Task<T> Completed<T>(WaitProgress progress, Task<T> wait)
    {
        try
        {
            return await wait.ConfigureAwait(false);
        }
        finally
        {
            progress.Complete();
        }
    }
}
