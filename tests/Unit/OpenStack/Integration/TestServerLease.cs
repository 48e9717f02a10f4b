namespace VeleroOpenShift.Tests.OpenStack.Integration;

/// <summary>
/// The loopback servers are shared by every test process of a run (the test assemblies run in parallel, and
/// tests/Pester/OpenStackSetup.ps1 follows the same protocol). Each user holds a shared lock on one lease file
/// while it runs; the servers a test process started are listed in a marker file and stopped by the last user
/// to leave, never by the first one while others still call them. A user that dies releases its lock with its
/// file descriptors. Starting and stopping happen under one exclusive gate, so neither races the other.
/// </summary>
public sealed class TestServerLease : IDisposable
{
    private static readonly string GatePath = Path.Combine(Path.GetTempPath(), "veleroopenshift-test-servers.gate");
    private static readonly string LeasePath = Path.Combine(Path.GetTempPath(), "veleroopenshift-test-servers.lease");
    private static readonly string StartedPath = Path.Combine(Path.GetTempPath(), "veleroopenshift-test-servers.started");

    private readonly Action<string> _stop;
    private FileStream? _lease;

    private TestServerLease(FileStream lease, Action<string> stop)
    {
        _lease = lease;
        _stop = stop;
    }

    /// <summary>Takes a lease, then runs <paramref name="start"/> (which returns the servers it had to start).</summary>
    public static TestServerLease Acquire(Func<IReadOnlyList<string>> start, Action<string> stop)
    {
        ArgumentNullException.ThrowIfNull(start);
        using var gate = Exclusive(GatePath, TimeSpan.FromMinutes(30)) ?? throw new TimeoutException($"{GatePath} stayed locked for 30 minutes");
        // FileShare other than None makes .NET take flock(LOCK_SH) on Unix; a read-only handle always gets it.
        var lease = new FileStream(LeasePath, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite);
        try
        {
            var started = start();
            if (started.Count > 0)
            {
                File.AppendAllLines(StartedPath, started);
            }

            return new TestServerLease(lease, stop);
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (_lease is null)
        {
            return;
        }

        _lease.Dispose();
        _lease = null;
        using var gate = Exclusive(GatePath, TimeSpan.FromMinutes(5));
        using var lastUser = gate is null ? null : Exclusive(LeasePath, TimeSpan.Zero);
        if (lastUser is null || !File.Exists(StartedPath))
        {
            return;
        }

        foreach (var server in File.ReadAllLines(StartedPath).Where(line => line.Length > 0).Distinct().Reverse())
        {
            _stop(server);
        }

        File.Delete(StartedPath);
    }

    private static FileStream? Exclusive(string path, TimeSpan wait)
    {
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(TimeSpan.FromMilliseconds(500));
            }
            catch (IOException)
            {
                return null;
            }
        }
    }
}
