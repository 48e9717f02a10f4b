using System.Diagnostics;

namespace VeleroOpenShift.Tests.Registry;

/// <summary>Runs a command to completion within a time limit and returns its exit code and output.</summary>
internal static class ProcessRunner
{
    public static (int ExitCode, string Output, string Errors) Run(string file, IReadOnlyList<string> arguments, TimeSpan limit, params (string Name, string Value)[] environment)
    {
        var info = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot run {file}");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish within {limit}");
        }

        return (process.ExitCode, output.Result, errors.Result);
    }

    /// <summary>Runs and throws with the command's own words when it fails.</summary>
    public static string Check(string file, IReadOnlyList<string> arguments, TimeSpan limit, params (string Name, string Value)[] environment)
    {
        var (exitCode, output, errors) = Run(file, arguments, limit, environment);
        return exitCode == 0
            ? output
            : throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {exitCode}: {Tail(errors + output)}");
    }

    private static string Tail(string text) => text.Length > 2000 ? text[^2000..] : text;
}
