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
    /// <summary>The OpenStack servers' files; tests/Pester/OpenStackSetup.ps1 uses the same names.</summary>
    public const string OpenStackServers = "veleroopenshift-test-servers";

    private readonly string _gatePath;
    private readonly string _leasePath;
    private readonly string _startedPath;
    private readonly Action<string> _stop;
    private FileStream? _lease;

    private TestServerLease(string name, FileStream lease, Action<string> stop)
    {
        (_gatePath, _leasePath, _startedPath) = Paths(name);
        _lease = lease;
        _stop = stop;
    }

    /// <summary>Takes a lease on the OpenStack servers, then runs <paramref name="start"/> (which returns the servers it had to start).</summary>
    public static TestServerLease Acquire(Func<IReadOnlyList<string>> start, Action<string> stop) => Acquire(OpenStackServers, start, stop);

    /// <summary>
    /// Takes a lease on the group of servers called <paramref name="name"/>. Groups have their own gate, so a slow
    /// start of one group (Keystone, Cinder) does not hold up the tests of another (the registries).
    /// </summary>
    public static TestServerLease Acquire(string name, Func<IReadOnlyList<string>> start, Action<string> stop)
    {
        ArgumentNullException.ThrowIfNull(start);
        var (gatePath, leasePath, startedPath) = Paths(name);
        using var gate = Exclusive(gatePath, TimeSpan.FromMinutes(30)) ?? throw new TimeoutException($"{gatePath} stayed locked for 30 minutes");
        // FileShare other than None makes .NET take flock(LOCK_SH) on Unix; a read-only handle always gets it.
        var lease = new FileStream(leasePath, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite);
        try
        {
            var started = start();
            if (started.Count > 0)
            {
                File.AppendAllLines(startedPath, started);
            }

            return new TestServerLease(name, lease, stop);
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
        using var gate = Exclusive(_gatePath, TimeSpan.FromMinutes(5));
        using var lastUser = gate is null ? null : Exclusive(_leasePath, TimeSpan.Zero);
        if (lastUser is null || !File.Exists(_startedPath))
        {
            return;
        }

        foreach (var server in File.ReadAllLines(_startedPath).Where(line => line.Length > 0).Distinct().Reverse())
        {
            _stop(server);
        }

        File.Delete(_startedPath);
    }

    private static (string Gate, string Lease, string Started) Paths(string name) =>
        (Path.Combine(Path.GetTempPath(), name + ".gate"), Path.Combine(Path.GetTempPath(), name + ".lease"), Path.Combine(Path.GetTempPath(), name + ".started"));

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
