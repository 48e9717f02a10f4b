using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using VeleroOpenShift.Bench.SwiftTransfer;
using VeleroOpenShift.OpenStack.Swift;

// Uploads and downloads one object through the engine's Swift store and reports throughput and the process's
// peak resident memory, which must stay flat however large the object is (segments stream, nothing is buffered).
// Usage: dotnet run -c Release --project bench/SwiftTransfer -- <container> [MiB] [segmentMiB]
// Credentials come from the OS_* environment (e.g. `keystone-aio.sh env` for the demo servers).
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: SwiftTransfer <container> [MiB, default 1024] [segment MiB, default 256]");
    return 2;
}

var container = args[0];
var mebibytes = args.Length > 1 ? long.Parse(args[1], CultureInfo.InvariantCulture) : 1024;
var segmentMebibytes = args.Length > 2 ? long.Parse(args[2], CultureInfo.InvariantCulture) : 256;
var bytes = mebibytes * 1024 * 1024;
const string Key = "bench/swift-transfer.bin";

using var store = new SwiftObjectStore(NullLoggerFactory.Instance, TimeProvider.System, Environment.GetEnvironmentVariable);
await store.InitAsync(new Dictionary<string, string> { ["segmentSize"] = (segmentMebibytes * 1024 * 1024).ToString(CultureInfo.InvariantCulture) }, CancellationToken.None);

var clock = Stopwatch.StartNew();
await store.PutObjectAsync(container, Key, new GeneratedStream(bytes), CancellationToken.None);
Report("upload", clock.Elapsed);

clock.Restart();
long received = 0;
await using (var download = await store.GetObjectAsync(container, Key, CancellationToken.None))
{
    var buffer = new byte[128 * 1024];
    int read;
    while ((read = await download.ReadAsync(buffer)) > 0)
    {
        received += read;
    }
}

Report("download", clock.Elapsed);
await store.DeleteObjectAsync(container, Key, CancellationToken.None);
return received == bytes ? 0 : 1;

void Report(string what, TimeSpan elapsed) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{what}: {mebibytes} MiB in {elapsed.TotalSeconds:0.0} s = {mebibytes / elapsed.TotalSeconds:0.0} MiB/s; peak RSS {PeakResidentMebibytes():0.0} MiB"));

static double PeakResidentMebibytes()
{
    var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
    return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
}
