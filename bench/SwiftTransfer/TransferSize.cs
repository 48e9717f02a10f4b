using System.Globalization;

namespace VeleroOpenShift.Bench.SwiftTransfer;

/// <summary>Object size and the segment size above which the store uploads a Static Large Object.</summary>
internal sealed record TransferSize(long Mebibytes, long SegmentMebibytes)
{
    public const string Key = "bench/swift-transfer.bin";

    public long Bytes => Mebibytes * 1024 * 1024;

    public Dictionary<string, string> Config => new() { ["segmentSize"] = (SegmentMebibytes * 1024 * 1024).ToString(CultureInfo.InvariantCulture) };

    /// <summary>One line per direction: "upload: 1024 MiB in 8.1 s = 126.4 MiB/s; peak RSS 61.2 MiB".</summary>
    public void Report(string direction, TimeSpan elapsed, double peakMebibytes) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{direction}: {Mebibytes} MiB in {elapsed.TotalSeconds:0.0} s = {Mebibytes / elapsed.TotalSeconds:0.0} MiB/s; peak RSS {peakMebibytes:0.0} MiB"));

    /// <summary>VmHWM of a process (this one by default), in MiB.</summary>
    public static double PeakResidentMebibytes(string pid = "self")
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }
}
