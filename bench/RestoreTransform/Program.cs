using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using VeleroOpenShift.Bench.RestoreTransform;

// Restore transform over a generated Velero backup: the engine and the cmdlets against a plain
// System.Text.Json parse and serialize of the same items, measured in one run. Each phase runs in a child
// process (so peak memory is its own) several times; the median time is reported.
var arguments = args.ToList();
string Option(string name, string fallback) => arguments.IndexOf(name) is var at and >= 0 && at + 1 < arguments.Count ? arguments[at + 1] : fallback;

if (Option("--phase", "") is { Length: > 0 } phase)
{
    var archive = Option("--archive", "");
    var cluster = Option("--cluster", "");
    var mapping = Enumerable.Range(0, int.Parse(Option("--namespaces", "0"), CultureInfo.InvariantCulture))
        .ToDictionary(SampleBackup.Name, SampleBackup.Target);
    var watch = Stopwatch.StartNew();
    var items = phase switch
    {
        "baseline" => await Phases.BaselineAsync(archive),
        "engine" => await Phases.EngineAsync(archive, cluster, mapping),
        "cmdlet" => Phases.Cmdlet(Option("--repo", ""), archive, cluster, mapping),
        _ => throw new ArgumentException($"unknown phase {phase}"),
    };
    Console.WriteLine(JsonSerializer.Serialize(new PhaseResult(items, watch.Elapsed.TotalSeconds, PeakResidentKiB()), BenchJson.Default.PhaseResult));
    return 0;
}

var repo = Option("--repo", FindRepo());
var wanted = int.Parse(Option("--items", "10000"), CultureInfo.InvariantCulture);
var repeats = int.Parse(Option("--repeats", "3"), CultureInfo.InvariantCulture);
var phases = Option("--phases", "baseline,engine,cmdlet").Split(',');
// --keep DIR leaves the generated backup and target-cluster objects there, for profiling or other tools.
var keep = Option("--keep", "");
var work = keep.Length > 0 ? Directory.CreateDirectory(keep).FullName : Directory.CreateTempSubdirectory("bench-restore-").FullName;
try
{
    var archivePath = Path.Combine(work, "bench.tar.gz");
    var clusterPath = Path.Combine(work, "target-cluster.json");
    var (namespaces, items) = SampleBackup.Write(repo, wanted, archivePath, clusterPath);
    Console.WriteLine($"backup: {items} items in {namespaces} namespaces, {new FileInfo(archivePath).Length / 1024} KiB compressed; {repeats} runs per phase, median shown");

    var results = new Dictionary<string, PhaseResult>();
    foreach (var name in phases.Prepend("baseline").Distinct())
    {
        var runs = Enumerable.Range(0, repeats).Select(_ => RunPhase(name, archivePath, clusterPath, namespaces, repo)).OrderBy(r => r.Seconds).ToList();
        results[name] = runs[runs.Count / 2];
        if (results[name].Items != items)
        {
            throw new InvalidOperationException($"{name} processed {results[name].Items} items, expected {items}");
        }
    }

    var baseline = results["baseline"];
    Console.WriteLine($"{"phase",-10} {"seconds",8} {"items/s",9} {"peak RSS MiB",13} {"time / STJ",11}");
    foreach (var (name, result) in results)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-10} {result.Seconds,8:F2} {result.Items / result.Seconds,9:F0} {result.PeakKiB / 1024.0,13:F1} {result.Seconds / baseline.Seconds,11:F2}"));
    }
}
finally
{
    if (keep.Length == 0)
    {
        Directory.Delete(work, recursive: true);
    }
}

return 0;

static PhaseResult RunPhase(string phase, string archive, string cluster, int namespaces, string repo)
{
    var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
    foreach (var arg in new[] { Environment.GetCommandLineArgs()[0], "--phase", phase, "--archive", archive, "--cluster", cluster, "--namespaces", namespaces.ToString(CultureInfo.InvariantCulture), "--repo", repo })
    {
        start.ArgumentList.Add(arg);
    }

    using var process = Process.Start(start)!;
    var output = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    return process.ExitCode == 0
        ? JsonSerializer.Deserialize(output.Trim().Split('\n')[^1], BenchJson.Default.PhaseResult)!
        : throw new InvalidOperationException($"phase {phase} failed with exit code {process.ExitCode}");
}

static long PeakResidentKiB() =>
    File.ReadLines("/proc/self/status").Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
        .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture)).Single();

static string FindRepo()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "VeleroOpenShift.slnx")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("run from inside the repository");
}

internal sealed record PhaseResult(int Items, double Seconds, long PeakKiB);

[System.Text.Json.Serialization.JsonSerializable(typeof(PhaseResult))]
internal sealed partial class BenchJson : System.Text.Json.Serialization.JsonSerializerContext;
