using System.Collections.Concurrent;
using System.Diagnostics;

namespace VeleroOpenShift.PluginShim.Tests.Infrastructure;

/// <summary>
/// The shim run as a child process the way go-plugin runs it: the given path as argv[0], the cookie and
/// go-plugin variables in the environment, Velero's server flags as arguments, stdout and stderr as pipes.
/// </summary>
internal sealed class ShimProcess : IDisposable
{
    /// <summary>Guards against a hang only; no test asserts on how fast anything is.</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    public static readonly string[] VeleroServerFlags =
        ["--log-level=debug", "--features=EnableCSI", "--uploader-type", "kopia", "--default-volumes-to-fs-backup=true", "--restore-resource-priorities", "securitycontextconstraints,customresourcedefinitions"];

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stderr = new();
    private readonly Task _stderrDone;

    private ShimProcess(Process process)
    {
        _process = process;
        _stderrDone = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync() is { } line)
            {
                _stderr.Enqueue(line);
            }
        });
    }

    public int Id => _process.Id;

    public static ShimProcess Start(string executable, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("VELERO_PLUGIN");
        foreach (var (key, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        return new ShimProcess(Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}"));
    }

    /// <summary>The environment Velero gives its plugins.</summary>
    public static Dictionary<string, string?> VeleroEnvironment() => new()
    {
        ["VELERO_PLUGIN"] = "hello",
        ["PLUGIN_MIN_PORT"] = "10000",
        ["PLUGIN_MAX_PORT"] = "25000",
        ["PLUGIN_PROTOCOL_VERSIONS"] = "2",
        ["VELERO_NAMESPACE"] = "velero",
        ["LD_LIBRARY_PATH"] = "/plugins",
    };

    public async Task<string?> ReadStdoutLineAsync()
    {
        using var guard = new CancellationTokenSource(HangGuard);
        return await _process.StandardOutput.ReadLineAsync(guard.Token);
    }

    /// <summary>Waits for exit; returns the exit code, the rest of stdout, and all stderr lines.</summary>
    public async Task<(int ExitCode, string RestOfStdout, IReadOnlyList<string> Stderr)> WaitForExitAsync()
    {
        using var guard = new CancellationTokenSource(HangGuard);
        var rest = await _process.StandardOutput.ReadToEndAsync(guard.Token);
        await _process.WaitForExitAsync(guard.Token);
        await _stderrDone.WaitAsync(guard.Token);
        return (_process.ExitCode, rest, [.. _stderr]);
    }

    public void Signal(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }
}
