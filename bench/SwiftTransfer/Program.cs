using System.Globalization;
using VeleroOpenShift.Bench.SwiftTransfer;

// Uploads and downloads one object of generated data through Swift and reports throughput and peak resident memory,
// which must stay flat however large the object is (bodies stream, nothing is buffered whole).
//   engine <container> [MiB] [segment MiB]                 the engine's SwiftObjectStore in this process
//   shim <shim executable> <container> [MiB] [segment MiB]  the plugin executable over gRPC, driven as Velero does;
//                                                           the memory figure is the shim process's
// Credentials come from the OS_* environment (e.g. `keystone-aio.sh env` for the demo servers). bench/SwiftTransfer/run.sh
// runs both and curl on the same Swift and prints the ratios.
if (args.Length < 2 || args[0] is not ("engine" or "shim") || (args[0] == "shim" && args.Length < 3))
{
    Console.Error.WriteLine("usage: SwiftTransfer engine <container> [MiB=1024] [segment MiB=4096]\n       SwiftTransfer shim <shim executable> <container> [MiB=1024] [segment MiB=4096]");
    return 2;
}

var rest = args[0] == "shim" ? args[2..] : args[1..];
var transfer = new TransferSize(
    rest.Length > 1 ? long.Parse(rest[1], CultureInfo.InvariantCulture) : 1024,
    rest.Length > 2 ? long.Parse(rest[2], CultureInfo.InvariantCulture) : 4096);
return args[0] == "engine"
    ? await EngineTransfer.RunAsync(rest[0], transfer)
    : await ShimTransfer.RunAsync(args[1], rest[0], transfer);
