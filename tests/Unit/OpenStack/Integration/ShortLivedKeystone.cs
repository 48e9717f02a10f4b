using System.Diagnostics;
using System.Net.Sockets;

namespace VeleroOpenShift.Tests.OpenStack.Integration;

/// <summary>
/// A second Keystone process beside the one of keystone-aio.sh, on 127.0.0.1:5001, sharing its database and fernet
/// keys but issuing tokens that live <see cref="TokenLifetime"/>. Its tokens are valid wherever the main Keystone's
/// are (Swift validates them there), so a run against it meets real token expiry within a test.
/// </summary>
public sealed class ShortLivedKeystone : IDisposable
{
    public const string Url = "http://127.0.0.1:5001/v3";
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromSeconds(45);

    private const string MainDirectory = "/tmp/keystone-aio";
    private readonly Process _uwsgi;
    private readonly string _config;

    private ShortLivedKeystone(Process uwsgi, string config)
    {
        _uwsgi = uwsgi;
        _config = config;
    }

    public static async Task<ShortLivedKeystone> StartAsync()
    {
        var mainConfig = await File.ReadAllTextAsync(Path.Combine(MainDirectory, "keystone.conf"));
        if (!mainConfig.Contains("expiration = 86400", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("keystone-aio.sh's keystone.conf no longer sets expiration = 86400; adapt the short-lived copy");
        }

        var config = Path.Combine(Path.GetTempPath(), $"keystone-short-{Environment.ProcessId}.conf");
        await File.WriteAllTextAsync(config, mainConfig.Replace("expiration = 86400", $"expiration = {(int)TokenLifetime.TotalSeconds}", StringComparison.Ordinal));
        // The command line keystone-aio.sh uses, on another port; the wrapper keeps the test host's descriptors out.
        var info = new ProcessStartInfo("bash", [TestRepository.ClosingFds, "uwsgi", "--plugin", "python3", "--http-socket", "127.0.0.1:5001",
            "--wsgi-file", "/usr/bin/keystone-wsgi-public", "--master", "--processes", "1", "--threads", "1", "--need-app", "--die-on-term",
            "--lazy-apps", "--buffer-size", "65535", "--add-header", "Connection: close"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["OS_KEYSTONE_CONFIG_FILES"] = config },
        };
        var uwsgi = Process.Start(info) ?? throw new InvalidOperationException("cannot start uwsgi");
        uwsgi.OutputDataReceived += (_, _) => { };
        uwsgi.ErrorDataReceived += (_, _) => { };
        uwsgi.BeginOutputReadLine();
        uwsgi.BeginErrorReadLine();
        var keystone = new ShortLivedKeystone(uwsgi, config);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; attempt < 150; attempt++)
        {
            try
            {
                if ((await http.GetAsync(Url)).IsSuccessStatusCode)
                {
                    return keystone;
                }
            }
            catch (Exception e) when (e is HttpRequestException or SocketException or TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        keystone.Dispose();
        throw new InvalidOperationException($"the short-lived Keystone on {Url} did not come up");
    }

    public void Dispose()
    {
        if (!_uwsgi.HasExited)
        {
            // --die-on-term: SIGTERM stops the master and its worker.
            _uwsgi.Kill(entireProcessTree: true);
            _uwsgi.WaitForExit(TimeSpan.FromSeconds(10));
        }

        _uwsgi.Dispose();
        File.Delete(_config);
    }
}
