using System.Diagnostics;

namespace VeleroOpenShift.Tests.OpenStack.Integration;

/// <summary>
/// Real Keystone, Swift, Cinder (with its backup service), Glance and Manila on 127.0.0.1, started once per test run by
/// the shared scripts beside the repository (<c>../shared/scripts</c>) and tests/Servers/block-storage-aio.sh, which
/// builds on them. Under CI=true a server that cannot start fails every test that needs it; elsewhere those tests are
/// skipped with the reason.
/// </summary>
public sealed class OpenStackServers : IDisposable
{
    public const string KeystoneUrl = "http://127.0.0.1:5000/v3";
    public const string SwiftUrl = "http://127.0.0.1:8080";
    public const string TempauthUrl = SwiftUrl + "/auth/v1.0";
    public const string CinderUrl = "http://127.0.0.1:8776";
    public const string ManilaUrl = "http://127.0.0.1:8786";
    public const string GlanceUrl = "http://127.0.0.1:9292";

    private readonly string _scripts;
    private readonly TestServerLease? _lease;

    public OpenStackServers()
    {
        _scripts = TestRepository.SharedScripts;
        var onCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        try
        {
            if (!File.Exists(Path.Combine(_scripts, "swift-aio.sh")) || !File.Exists(Path.Combine(_scripts, "keystone-aio.sh")))
            {
                throw new InvalidOperationException($"the server scripts are missing: expected {_scripts}/swift-aio.sh and keystone-aio.sh (a clone with shared/ beside it)");
            }

            var times = new Dictionary<string, double>();
            _lease = TestServerLease.Acquire(() => Start(times), script => Run(script, "stop", TimeSpan.FromMinutes(1), throwOnFailure: false));
            StartTimes = times;
        }
        catch (Exception e) when (!onCi)
        {
            Unavailable = $"OpenStack servers unavailable, integration tests skipped: {e.Message}";
        }
    }

    /// <summary>Why the servers cannot be used; null when they run.</summary>
    public string? Unavailable { get; }

    /// <summary>Seconds each start step took in this run ("already running" steps take about a second).</summary>
    public IReadOnlyDictionary<string, double> StartTimes { get; } = new Dictionary<string, double>();

    /// <summary>Servers that were up before the run stay up; those a test process started stop with the last user.</summary>
    public void Dispose() => _lease?.Dispose();

    private List<string> Start(Dictionary<string, double> times)
    {
        var startedHere = new List<string>();
        var keystoneWasUp = Run("keystone-aio.sh", "status", TimeSpan.FromSeconds(30), throwOnFailure: false).Contains("running", StringComparison.Ordinal);
        var swiftWasUp = Run("swift-aio.sh", "status", TimeSpan.FromSeconds(30), throwOnFailure: false).Contains("proxy: running", StringComparison.Ordinal);

        times["keystone"] = Timed(() => Run("keystone-aio.sh", "start", TimeSpan.FromMinutes(15)));
        if (!keystoneWasUp)
        {
            startedHere.Add("keystone-aio.sh");
        }

        // Keystone mode keeps tempauth beside it (storage URL /v1/TEMPAUTH_test), so one Swift serves every test.
        times["swift"] = Timed(() => Run("swift-aio.sh", "start", TimeSpan.FromMinutes(15), ("SWIFT_AIO_AUTH", "keystone")));
        if (!swiftWasUp)
        {
            startedHere.Add("swift-aio.sh");
        }

        // Cinder (file-backed volumes, backup service), Glance and Manila (dummy share driver), validating tokens against the same Keystone.
        var volumesWereUp = Run("block-storage-aio.sh", "status", TimeSpan.FromSeconds(30), throwOnFailure: false) is var status
            && status.Contains("cinder: running", StringComparison.Ordinal) && status.Contains("manila: running", StringComparison.Ordinal)
            && status.Contains("glance: running", StringComparison.Ordinal);
        times["cinder+glance+manila"] = Timed(() => Run("block-storage-aio.sh", "start", TimeSpan.FromMinutes(15)));
        if (!volumesWereUp)
        {
            startedHere.Add("block-storage-aio.sh");
        }

        // The scripts' own checks go through the slow openstack CLI; one token request tells the same.
        var catalog = KeystoneAdmin.CatalogTypesAsync().GetAwaiter().GetResult();
        if (!catalog.Contains("object-store"))
        {
            times["register-swift"] = Timed(() => Run("keystone-aio.sh", "register-swift", TimeSpan.FromMinutes(5)));
        }

        if (!catalog.Contains("volumev3") || !catalog.Contains("sharev2") || !catalog.Contains("image"))
        {
            times["register-volumes"] = Timed(() => Run("block-storage-aio.sh", "register", TimeSpan.FromMinutes(5)));
        }

        return startedHere;
    }

    private static double Timed(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalSeconds;
    }

    private string Run(string script, string verb, TimeSpan limit, params (string Name, string Value)[] environment) =>
        Run(script, verb, limit, throwOnFailure: true, environment);

    private string Run(string script, string verb, TimeSpan limit, bool throwOnFailure, params (string Name, string Value)[] environment)
    {
        var info = new ProcessStartInfo("bash", [TestRepository.ClosingFds, "bash", TestRepository.ServerScript(script), verb])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot run {script}");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} {verb} did not finish within {limit}");
        }

        var text = output.Result + errors.Result;
        if (throwOnFailure && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} {verb} exited with {process.ExitCode}: {Tail(text)}");
        }

        return text;
    }

    private static string Tail(string text) => text.Length > 2000 ? text[^2000..] : text;
}

[CollectionDefinition(Name)]
public sealed class OpenStackServersCollection : ICollectionFixture<OpenStackServers>
{
    public const string Name = "OpenStack servers";
}
