using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace VeleroOpenShift.Tests.Velero;

/// <summary>Builds gzip-compressed tar files in memory, laid out as the tests say.</summary>
internal static class TestArchive
{
    public static MemoryStream Build(params (string Path, string Content)[] files)
    {
        var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (path, content) in files)
            {
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, path) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)) });
            }
        }

        buffer.Position = 0;
        return buffer;
    }
}
