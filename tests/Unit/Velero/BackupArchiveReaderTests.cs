using System.Text;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Velero.Archive;

namespace VeleroOpenShift.Tests.Velero;

public sealed class BackupArchiveReaderTests
{
    private static async Task<List<BackupArchiveEntry>> ReadAll(BackupArchiveReader reader, Stream archive)
    {
        var entries = new List<BackupArchiveEntry>();
        await foreach (var entry in reader.ReadAsync(archive, "backup.tar.gz", CancellationToken.None))
        {
            entries.Add(entry);
        }

        return entries;
    }

    private const string Pod = """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web-1","namespace":"shop"}}""";
    private const string Pv = """{"apiVersion":"v1","kind":"PersistentVolume","metadata":{"name":"pv-1"}}""";
    private const string HpaV2 = """{"apiVersion":"autoscaling/v2","kind":"HorizontalPodAutoscaler","metadata":{"name":"web","namespace":"shop"}}""";
    private const string HpaV1 = """{"apiVersion":"autoscaling/v1","kind":"HorizontalPodAutoscaler","metadata":{"name":"web","namespace":"shop"}}""";

    [Fact]
    public async Task Reads_each_item_of_format_1_1_once_with_its_location()
    {
        using var archive = TestArchive.Build(
            ("metadata/version", "1.1.0\n"),
            ("resources/pods/namespaces/shop/web-1.json", Pod),
            ("resources/pods/v1-preferredversion/namespaces/shop/web-1.json", Pod),
            ("resources/persistentvolumes/v1-preferredversion/cluster/pv-1.json", Pv),
            ("resources/persistentvolumes/cluster/pv-1.json", Pv),
            ("resources/horizontalpodautoscalers.autoscaling/namespaces/shop/web.json", HpaV2),
            ("resources/horizontalpodautoscalers.autoscaling/v2-preferredversion/namespaces/shop/web.json", HpaV2),
            ("resources/horizontalpodautoscalers.autoscaling/v1/namespaces/shop/web.json", HpaV1));
        var reader = new BackupArchiveReader();

        var entries = await ReadAll(reader, archive);

        Assert.Equal("1.1.0", reader.FormatVersion);
        Assert.Equal(3, entries.Count);
        var pod = entries[0];
        Assert.Equal(("pods", "shop", "web-1", (string?)null), (pod.Resource, pod.Namespace, pod.Name, pod.ApiVersionFolder));
        Assert.Equal("Pod", (string?)pod.Item["kind"]);
        var pv = entries[1];
        Assert.True(pv.IsClusterScoped);
        Assert.Equal("v1-preferredversion", pv.ApiVersionFolder);
        Assert.Equal("autoscaling/v2", (string?)entries[2].Item["apiVersion"]);
    }

    [Fact]
    public async Task Other_api_versions_are_read_only_when_asked_for()
    {
        using var archive = TestArchive.Build(
            ("resources/horizontalpodautoscalers.autoscaling/v2-preferredversion/namespaces/shop/web.json", HpaV2),
            ("resources/horizontalpodautoscalers.autoscaling/v1/namespaces/shop/web.json", HpaV1));

        var entries = await ReadAll(new BackupArchiveReader(includeAllVersions: true), archive);

        Assert.Equal(["v2-preferredversion", "v1"], entries.Select(e => e.ApiVersionFolder));
    }

    [Fact]
    public async Task Reads_the_classic_format_and_ignores_files_outside_resources()
    {
        using var archive = TestArchive.Build(
            ("./resources/pods/namespaces/shop/web-1.json", Pod),
            ("metadata/other", "x"),
            ("resources/pods/namespaces/shop/notes.txt", "x"));

        var entries = await ReadAll(new BackupArchiveReader(), archive);

        Assert.Equal("web-1", Assert.Single(entries).Name);
    }

    [Fact]
    public async Task A_broken_item_names_its_resource_namespace_and_name()
    {
        using var archive = TestArchive.Build(("resources/pods/namespaces/shop/web-1.json", "{\"kind\":"));

        var failure = await Assert.ThrowsAsync<InvalidItemException>(() => ReadAll(new BackupArchiveReader(), archive));

        Assert.StartsWith("pods/shop/web-1: is not valid JSON", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_item_can_be_reported_and_skipped()
    {
        using var archive = TestArchive.Build(
            ("resources/pods/namespaces/shop/broken.json", "[]"),
            ("resources/pods/namespaces/shop/web-1.json", Pod));
        var reported = new List<string>();

        var entries = await ReadAll(new BackupArchiveReader(onInvalidItem: e => reported.Add(e.Message)), archive);

        Assert.Equal("web-1", Assert.Single(entries).Name);
        Assert.Equal(["pods/shop/broken: must be a JSON object, got an array"], reported);
    }

    [Fact]
    public async Task A_file_that_is_not_a_gzip_tar_is_refused_with_its_name()
    {
        using var notGzip = new MemoryStream(Encoding.UTF8.GetBytes("just text, not an archive"));

        var failure = await Assert.ThrowsAsync<InvalidInputException>(() => ReadAll(new BackupArchiveReader(), notGzip));

        Assert.StartsWith("backup.tar.gz: is not a readable Velero backup", failure.Message, StringComparison.Ordinal);
    }
}
