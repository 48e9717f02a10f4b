using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace VeleroOpenShift.Bench.RestoreTransform;

/// <summary>
/// Builds a large Velero backup (format 1.1 layout) by copying the sample OpenShift project of
/// examples/openshift-shop-backup into as many namespaces as it takes, and the target-cluster objects
/// (namespace, service accounts, their pull secrets) each mapped namespace needs.
/// </summary>
internal static class SampleBackup
{
    public static (int Namespaces, int Items) Write(string repoRoot, int wantedItems, string archivePath, string clusterObjectsPath)
    {
        var templates = Directory.GetFiles(Path.Combine(repoRoot, "examples", "openshift-shop-backup", "resources"), "*.json", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(file => (Relative: Path.GetRelativePath(Path.Combine(repoRoot, "examples", "openshift-shop-backup"), file), Text: File.ReadAllText(file)))
            .ToList();
        var namespaces = (wantedItems + templates.Count - 1) / templates.Count;
        var items = 0;
        using (var file = File.Create(archivePath))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
        {
            Add(tar, "metadata/version", "1.1.0\n");
            for (var n = 0; n < namespaces && items < wantedItems; n++)
            {
                var ns = Name(n);
                foreach (var (relative, text) in templates)
                {
                    if (items == wantedItems)
                    {
                        break;
                    }

                    var isNamespace = relative.StartsWith("resources/namespaces/", StringComparison.Ordinal);
                    var path = relative.Replace("/namespaces/shop/", $"/namespaces/{ns}/", StringComparison.Ordinal);
                    if (isNamespace)
                    {
                        path = $"resources/namespaces/cluster/{ns}.json";
                    }
                    else if (relative.StartsWith("resources/persistentvolumes/", StringComparison.Ordinal))
                    {
                        path = path.Replace(".json", $"-{n}.json", StringComparison.Ordinal);
                    }

                    var json = text.Replace("\"namespace\": \"shop\"", $"\"namespace\": \"{ns}\"", StringComparison.Ordinal)
                        .Replace("/shop/", $"/{ns}/", StringComparison.Ordinal)
                        .Replace("\"name\": \"shop\"", $"\"name\": \"{ns}\"", StringComparison.Ordinal)
                        .Replace("system:serviceaccounts:shop", $"system:serviceaccounts:{ns}", StringComparison.Ordinal);
                    Add(tar, path, json);
                    Add(tar, PreferredVersionPath(path, json), json);
                    items++;
                }
            }
        }

        WriteTargetCluster(namespaces, clusterObjectsPath);
        return (namespaces, items);
    }

    public static string Name(int n) => $"shop-{n:D3}";

    public static string Target(int n) => $"{Name(n)}-restored";

    private static void WriteTargetCluster(int namespaces, string path)
    {
        var items = new JsonArray();
        for (var n = 0; n < namespaces; n++)
        {
            var ns = Target(n);
            items.Add(JsonNode.Parse($$$"""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"{{{ns}}}","creationTimestamp":"2026-11-23T09:00:02Z"}}"""));
            foreach (var sa in new[] { "default", "builder", "deployer" })
            {
                var uid = $"{n:D8}-0000-4000-8000-{sa.Length:D12}";
                items.Add(JsonNode.Parse($$$"""{"apiVersion":"v1","kind":"ServiceAccount","metadata":{"name":"{{{sa}}}","namespace":"{{{ns}}}","uid":"{{{uid}}}"}}"""));
                items.Add(JsonNode.Parse($$$$"""{"apiVersion":"v1","kind":"Secret","type":"kubernetes.io/dockercfg","metadata":{"name":"{{{{sa}}}}-dockercfg-new{{{{n}}}}","namespace":"{{{{ns}}}}","annotations":{"kubernetes.io/service-account.name":"{{{{sa}}}}","kubernetes.io/service-account.uid":"{{{{uid}}}}"}}}"""));
            }
        }

        items.Add(JsonNode.Parse("""{"apiVersion":"config.openshift.io/v1","kind":"ClusterVersion","metadata":{"name":"version"},"status":{"desired":{"version":"4.16.8"},"capabilities":{"enabledCapabilities":["ImageRegistry"]}}}"""));
        items.Add(JsonNode.Parse("""{"apiVersion":"imageregistry.operator.openshift.io/v1","kind":"Config","metadata":{"name":"cluster"},"spec":{"managementState":"Managed"}}"""));
        File.WriteAllText(path, new JsonObject { ["apiVersion"] = "v1", ["kind"] = "List", ["items"] = items }.ToJsonString());
    }

    private static string PreferredVersionPath(string path, string json)
    {
        var apiVersion = JsonNode.Parse(json)!["apiVersion"]!.GetValue<string>();
        var parts = path.Split('/', 3);
        return $"{parts[0]}/{parts[1]}/{apiVersion[(apiVersion.LastIndexOf('/') + 1)..]}-preferredversion/{parts[2]}";
    }

    private static void Add(TarWriter tar, string path, string content) =>
        tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, path) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)) });
}
