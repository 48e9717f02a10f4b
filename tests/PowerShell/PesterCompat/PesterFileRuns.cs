using System.Collections.Concurrent;

namespace VeleroOpenShift.PowerShell.Tests.PesterCompat;

/// <summary>
/// Runs each Pester file once, however many of its Its ask for the result. The first request for
/// a folder starts all its files in parallel, since xunit asks for the cases one after another.
/// </summary>
public static class PesterFileRuns
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<PesterFileReport>>> runs = new(StringComparer.Ordinal);

    public static Task<PesterFileReport> GetAsync(string folder, string file)
    {
        foreach (var other in PesterCases.Files(folder))
        {
            _ = Start(Path.Combine(folder, other));
        }

        return Start(Path.Combine(folder, file));
    }

    private static Task<PesterFileReport> Start(string path) =>
        runs.GetOrAdd(path, key => new Lazy<Task<PesterFileReport>>(() => Task.Run(() => PesterCompatRunner.Run(key)))).Value;
}
