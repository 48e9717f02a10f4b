using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using VeleroOpenShift.OpenStack.Swift;

namespace VeleroOpenShift.Bench.SwiftTransfer;

/// <summary>The engine's object store in this process.</summary>
internal static class EngineTransfer
{
    public static async Task<int> RunAsync(string container, TransferSize size)
    {
        using var store = new SwiftObjectStore(NullLoggerFactory.Instance, TimeProvider.System, Environment.GetEnvironmentVariable);
        await store.InitAsync(size.Config, CancellationToken.None);

        var clock = Stopwatch.StartNew();
        await store.PutObjectAsync(container, TransferSize.Key, new GeneratedStream(size.Bytes), CancellationToken.None);
        size.Report("upload", clock.Elapsed, TransferSize.PeakResidentMebibytes());

        clock.Restart();
        long received = 0;
        await using (var download = await store.GetObjectAsync(container, TransferSize.Key, CancellationToken.None))
        {
            var buffer = new byte[128 * 1024];
            int read;
            while ((read = await download.ReadAsync(buffer)) > 0)
            {
                received += read;
            }
        }

        size.Report("download", clock.Elapsed, TransferSize.PeakResidentMebibytes());
        await store.DeleteObjectAsync(container, TransferSize.Key, CancellationToken.None);
        return received == size.Bytes ? 0 : 1;
    }
}
