using System.Globalization;
using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenStack.Cinder;

namespace VeleroOpenShift.Cmdlets.Infrastructure;

/// <summary>
/// Base of the Cinder cmdlets: connects to Cinder with the cloud and OS_* values of the session they work with, once
/// per invocation so the engine's log lines reach this cmdlet's verbose stream.
/// </summary>
public abstract class CinderCmdlet : OpenStackCmdlet
{
    private CinderAccount? _account;

    /// <summary>Location config keys (timeouts, ensureDeleted) this invocation's parameters ask for.</summary>
    private protected virtual IReadOnlyDictionary<string, string> LocationConfig { get; } = new Dictionary<string, string>();

    /// <summary>Runs one item's engine work; its failure is reported against <paramref name="target"/> and the pipeline goes on.</summary>
    private protected void RunForItem(string target, Func<CinderAccount, CancellationToken, Task> work)
    {
        var account = Connect();
        try
        {
            RunEngine(cancellationToken => work(account, cancellationToken));
        }
        catch (Exception e) when (e is VeleroOpenShiftException or HttpRequestException or IOException)
        {
            WriteFailure(e, target);
        }
    }

    /// <summary>The method as the location config spells it: snapshot, clone, backup, image.</summary>
    private protected static string MethodName(CinderMethod method) => method switch
    {
        CinderMethod.Snapshot => "snapshot",
        CinderMethod.Clone => "clone",
        CinderMethod.Backup => "backup",
        CinderMethod.Image => "image",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    };

    /// <summary>A timeout in the Go duration syntax of the location config (whole seconds).</summary>
    private protected static string Duration(TimeSpan timeout) =>
        string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, (long)Math.Ceiling(timeout.TotalSeconds))}s");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _account?.Dispose();
        }

        base.Dispose(disposing);
    }

    private CinderAccount Connect()
    {
        if (_account is not null)
        {
            return _account;
        }

        var session = ConnectedSession;
        try
        {
            RunEngine(async cancellationToken => _account = await CinderAccount.ConnectAsync(session.Cloud, session.EnvironmentVariable, Services.LoggerFactory, Services.Time, LocationConfig, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (e is VeleroOpenShiftException or HttpRequestException or IOException)
        {
            ThrowFailure(e, session.ToString());
        }

        return _account!;
    }
}
