using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using VeleroOpenShift.Bench.ImageCopy;
using VeleroOpenShift.Registry;

// Copies a generated multi-layer image from the first registry of ../shared/scripts/registry-aio.sh (127.0.0.1:5101)
// to a Distribution registry with the engine and with skopeo, in the same run. Each first copy goes to an empty
// registry of its own (so every blob moves; skopeo would otherwise mount blobs it saw there before), then the copy is
// repeated into the same repository (so no blob should move). Prints times and the ratios skopeo/engine (first copy;
// above 1 the engine is faster) and first/again for the engine. Figures move with machine load: compare ratios.
// Usage: dotnet run -c Release --project bench/ImageCopy -- [MiB, default 256] [layers, default 8] [rounds, default 3]
var mebibytes = args.Length > 0 ? long.Parse(args[0], CultureInfo.InvariantCulture) : 256;
var layers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;
var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
const string From = "127.0.0.1:5101";
var run = "bench" + Guid.NewGuid().ToString("N")[..8];

var layout = Directory.CreateTempSubdirectory("vos-bench-image-").FullName;
try
{
    GeneratedImage.Write(layout, "v1", layers, mebibytes * 1024 * 1024 / layers);
    var source = $"docker://{From}/{run}/source:v1";
    Skopeo("copy", "--dest-tls-verify=false", $"oci:{layout}:v1", source);

    var open = RegistryAccess.Anonymous with { SkipTlsVerify = true };
    using var copier = new ContainerImageCopier(new ImageCopyOptions(), NullLoggerFactory.Instance, TimeProvider.System);
    List<(double Skopeo, double Engine, double EngineAgain, double SkopeoAgain)> results = [];
    string? digest = null;
    for (var round = 1; round <= rounds; round++)
    {
        // Alternate who goes first, so neither always meets a warmer page cache.
        using var skopeoRegistry = new ScratchRegistry();
        using var engineRegistry = new ScratchRegistry();
        var skopeoTarget = $"docker://{skopeoRegistry.Address}/{run}/copy:v1";
        var engineTarget = $"docker://{engineRegistry.Address}/{run}/copy:v1";
        double skopeoFirst, engineFirst;
        if (round % 2 == 1)
        {
            skopeoFirst = Time(() => Skopeo("copy", "--src-tls-verify=false", "--dest-tls-verify=false", source, skopeoTarget));
            engineFirst = Time(() => digest = Engine(copier, source, open, engineTarget).Digest);
        }
        else
        {
            engineFirst = Time(() => digest = Engine(copier, source, open, engineTarget).Digest);
            skopeoFirst = Time(() => Skopeo("copy", "--src-tls-verify=false", "--dest-tls-verify=false", source, skopeoTarget));
        }

        var skopeoDigest = Skopeo("inspect", "--tls-verify=false", "--format", "{{.Digest}}", skopeoTarget).Trim();
        if (skopeoDigest != digest)
        {
            throw new InvalidOperationException($"skopeo's copy has digest {skopeoDigest}, the engine's {digest}");
        }

        ImageCopyResult? again = null;
        var engineAgain = Time(() => again = Engine(copier, source, open, engineTarget));
        if (again!.BlobsUploaded != 0)
        {
            throw new InvalidOperationException($"the second copy uploaded {again.BlobsUploaded} blobs");
        }

        var skopeoAgain = Time(() => Skopeo("copy", "--src-tls-verify=false", "--dest-tls-verify=false", source, skopeoTarget));
        results.Add((skopeoFirst, engineFirst, engineAgain, skopeoAgain));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"round {round}: skopeo {skopeoFirst:0.00} s, engine {engineFirst:0.00} s, engine again {engineAgain:0.000} s, skopeo again {skopeoAgain:0.000} s"));
    }

    double Median(Func<(double Skopeo, double Engine, double EngineAgain, double SkopeoAgain), double> pick) =>
        results.Select(pick).Order().ElementAt(results.Count / 2);
    var (s, e, a, sa) = (Median(r => r.Skopeo), Median(r => r.Engine), Median(r => r.EngineAgain), Median(r => r.SkopeoAgain));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $$"""
        image: {{mebibytes}} MiB in {{layers}} layers, {{rounds}} rounds, medians; digest {{digest}}
        | measure | seconds |
        |---|---|
        | skopeo copy, first | {{s:0.00}} |
        | engine copy, first | {{e:0.00}} |
        | engine copy, again (no blob sent) | {{a:0.000}} |
        | skopeo copy, again | {{sa:0.000}} |
        | skopeo/engine, first copy (target >= 1.0) | {{s / e:0.00}} |
        | engine first/again (target >= 5) | {{e / a:0.0}} |
        peak RSS {{PeakResidentMebibytes():0.0}} MiB
        """));
    return 0;
}
finally
{
    Directory.Delete(layout, recursive: true);
}

static ImageCopyResult Engine(ContainerImageCopier copier, string source, RegistryAccess access, string destination) =>
    copier.CopyAsync(source, access, destination, access, null, CancellationToken.None).GetAwaiter().GetResult();

static double Time(Action action)
{
    var clock = Stopwatch.StartNew();
    action();
    return clock.Elapsed.TotalSeconds;
}

static string Skopeo(params string[] arguments)
{
    using var process = Process.Start(new ProcessStartInfo("skopeo", arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
        ?? throw new InvalidOperationException("skopeo did not start");
    var errors = process.StandardError.ReadToEndAsync();
    var output = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    return process.ExitCode == 0 ? output : throw new InvalidOperationException($"skopeo {string.Join(' ', arguments)}: {errors.Result}");
}

static double PeakResidentMebibytes()
{
    var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
    return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
}
