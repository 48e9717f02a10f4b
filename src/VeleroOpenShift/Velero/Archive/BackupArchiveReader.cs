using System.Formats.Tar;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Kube;

namespace VeleroOpenShift.Velero.Archive;

/// <summary>
/// Reads a Velero backup tarball (<c>&lt;backup&gt;.tar.gz</c>) as a stream, one item at a time, so an archive of
/// any size is never held in memory. Format 1.1 stores each item twice (classic path and
/// <c>&lt;version&gt;-preferredversion</c> path); each item is returned once. Other API versions, written only with
/// Velero's EnableAPIGroupVersions feature, are returned only when asked for.
/// </summary>
public sealed class BackupArchiveReader
{
    private const string PreferredVersionSuffix = "-preferredversion";

    private readonly bool _includeAllVersions;
    private readonly Action<InvalidItemException>? _onInvalidItem;

    /// <param name="includeAllVersions">Also return the copies of other API versions.</param>
    /// <param name="onInvalidItem">When given, an item that is not valid JSON is reported here and skipped;
    /// otherwise it ends the read with its exception.</param>
    public BackupArchiveReader(bool includeAllVersions = false, Action<InvalidItemException>? onInvalidItem = null)
    {
        _includeAllVersions = includeAllVersions;
        _onInvalidItem = onInvalidItem;
    }

    /// <summary>The backup format version from <c>metadata/version</c>, once read (it precedes the resources).</summary>
    public string? FormatVersion { get; private set; }

    public async IAsyncEnumerable<BackupArchiveEntry> ReadAsync(Stream archive, string archiveName, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(archive);
        var seen = new HashSet<(string Resource, string? Namespace, string Name, string? Version)>();
        await using var gzip = new GZipStream(archive, CompressionMode.Decompress, leaveOpen: true);
        await using var tar = new TarReader(gzip, leaveOpen: true);

        while (await NextEntryAsync(tar, archiveName, cancellationToken).ConfigureAwait(false) is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null)
            {
                continue;
            }

            var path = entry.Name.StartsWith("./", StringComparison.Ordinal) ? entry.Name[2..] : entry.Name;
            if (path == "metadata/version")
            {
                using var reader = new StreamReader(entry.DataStream, Encoding.UTF8);
                FormatVersion = (await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false)).Trim();
                continue;
            }

            if (ParsePath(path) is not { } location || !Wanted(location.Version))
            {
                continue;
            }

            // The classic and the preferred-version copies are the same object; keep whichever comes first.
            var version = location.Version is null || location.Version.EndsWith(PreferredVersionSuffix, StringComparison.Ordinal) ? null : location.Version;
            if (!seen.Add((location.Resource, location.Namespace, location.Name, version)))
            {
                continue;
            }

            JsonObject item;
            try
            {
                item = await KubeJson.ParseObjectAsync(entry.DataStream, new ItemReference(location.Resource, location.Namespace, location.Name), cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidItemException invalid) when (_onInvalidItem is not null)
            {
                _onInvalidItem(invalid);
                continue;
            }

            yield return new BackupArchiveEntry(location.Resource, location.Namespace, location.Name, location.Version, path, item);
        }
    }

    private bool Wanted(string? version) =>
        version is null || _includeAllVersions || version.EndsWith(PreferredVersionSuffix, StringComparison.Ordinal);

    private static async Task<TarEntry?> NextEntryAsync(TarReader tar, string archiveName, CancellationToken cancellationToken)
    {
        try
        {
            return await tar.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw new InvalidInputException(archiveName, $"is not a readable Velero backup (gzip-compressed tar): {e.Message}", e);
        }
    }

    /// <summary>
    /// resources/&lt;resource&gt;[/&lt;version&gt;]/cluster/&lt;name&gt;.json or
    /// resources/&lt;resource&gt;[/&lt;version&gt;]/namespaces/&lt;namespace&gt;/&lt;name&gt;.json
    /// </summary>
    private static (string Resource, string? Version, string? Namespace, string Name)? ParsePath(string path)
    {
        var parts = path.Split('/');
        if (parts.Length < 4 || parts[0] != "resources" || !parts[^1].EndsWith(".json", StringComparison.Ordinal))
        {
            return null;
        }

        var name = parts[^1][..^".json".Length];
        return parts[1..^1] switch
        {
            [var resource, "cluster"] => (resource, null, null, name),
            [var resource, "namespaces", var ns] => (resource, null, ns, name),
            [var resource, var version, "cluster"] => (resource, version, null, name),
            [var resource, var version, "namespaces", var ns] => (resource, version, ns, name),
            _ => null,
        };
    }
}
