using System.Formats.Tar;
using System.IO.Compression;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Text.Json;
using System.Text.Json.Nodes;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift.Cluster;
using VeleroOpenShift.OpenShift.Common;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Archive;
using VeleroOpenShift.Velero.Transform;

namespace VeleroOpenShift.Bench.RestoreTransform;

/// <summary>The three measured workloads; each runs in a process of its own so its peak memory is its own.</summary>
internal static class Phases
{
    /// <summary>The peer: read the same items from the archive, parse each with System.Text.Json and write it back out.</summary>
    public static async Task<int> BaselineAsync(string archive)
    {
        var count = 0;
        await using var file = File.OpenRead(archive);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        await using var tar = new TarReader(gzip);
        while (await tar.GetNextEntryAsync() is { } entry)
        {
            if (entry.DataStream is null || !entry.Name.StartsWith("resources/", StringComparison.Ordinal) || entry.Name.Contains("-preferredversion/", StringComparison.Ordinal))
            {
                continue;
            }

            var node = await JsonNode.ParseAsync(entry.DataStream);
            await using var writer = new Utf8JsonWriter(Stream.Null);
            node!.WriteTo(writer);
            count++;
        }

        return count;
    }

    /// <summary>The engine: stream the archive and run every applicable restore action on each item.</summary>
    public static async Task<int> EngineAsync(string archive, string clusterObjects, IReadOnlyDictionary<string, string> mapping)
    {
        var cluster = new OfflineClusterLookups(new ServerVersion(1, 29), "image-registry.openshift-image-registry.svc:5000", await ClusterObjectFiles.LoadAsync(clusterObjects, CancellationToken.None));
        var backup = VeleroRequests.Backup("bench", VeleroRequests.DefaultVeleroNamespace, WorkflowKind.Oadp, null);
        cluster.Add(backup.Json);
        var restore = VeleroRequests.Restore("bench-restore", VeleroRequests.DefaultVeleroNamespace, "bench", mapping, WorkflowKind.Oadp, null);
        var transformer = new ItemTransformer(PluginCatalog.Default, PluginServices.Default with { Cluster = cluster }, tracking: ChangeTracking.PerItem);
        var count = 0;
        await using var file = File.OpenRead(archive);
        await foreach (var entry in new BackupArchiveReader().ReadAsync(file, archive, CancellationToken.None))
        {
            var result = await transformer.RestoreAsync(entry.Item, restore, CancellationToken.None);
            KubeJson.Write(result.Item, Stream.Null, indented: false);
            count++;
        }

        return count;
    }

    /// <summary>The cmdlets: Get-VeleroBackupItem piped into Invoke-RestoreTransform in a hosted PowerShell 7.6.</summary>
    public static int Cmdlet(string repoRoot, string archive, string clusterObjects, IReadOnlyDictionary<string, string> mapping)
    {
        var manifest = Directory.GetFiles(Path.Combine(repoRoot, "output", "VeleroOpenShift"), "VeleroOpenShift.psd1", SearchOption.AllDirectories).Single();
        using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        runspace.Open();
        using var shell = PowerShell.Create(runspace);
        shell.AddScript("""
            param($manifest, $archive, $clusterObjects, $mapping)
            Import-Module $manifest -ErrorAction Stop
            $count = 0
            Get-VeleroBackupItem -LiteralPath $archive |
                Invoke-RestoreTransform -BackupName bench -NamespaceMapping $mapping -ClusterObjectPath $clusterObjects -ServerVersion 1.29 -RegistryHostname 'image-registry.openshift-image-registry.svc:5000' |
                ForEach-Object { $null = $_.ToJson(); $count++ }
            $count
            """).AddArgument(manifest).AddArgument(archive).AddArgument(clusterObjects).AddArgument(new System.Collections.Hashtable(mapping.ToDictionary(m => m.Key, m => m.Value)));
        var output = shell.Invoke();
        if (shell.HadErrors)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, shell.Streams.Error.Select(e => e.ToString())));
        }

        return (int)output.Last().BaseObject;
    }
}
