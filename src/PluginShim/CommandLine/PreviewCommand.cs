using System.Globalization;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift;
using VeleroOpenShift.OpenShift.Cluster;
using VeleroOpenShift.OpenShift.Common;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Transform;

namespace VeleroOpenShift.PluginShim.CommandLine;

/// <summary>
/// <c>velero-openshift preview</c>: the restore preview from the command line, for machines without
/// PowerShell. Runs the same engine the plugin runs inside Velero, with offline cluster facts.
/// </summary>
internal static class PreviewCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (args is ["--help"] or ["-h"])
        {
            await stdout.WriteLineAsync(PreviewOptions.Help.AsMemory(), cancellationToken).ConfigureAwait(false);
            return 0;
        }

        PreviewOptions options;
        try
        {
            options = PreviewOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            await stderr.WriteLineAsync($"velero-openshift preview: {e.Message}\n\n{PreviewOptions.Help}".AsMemory(), cancellationToken).ConfigureAwait(false);
            return 2;
        }

        var backupName = Path.GetFileName(options.Backup).Replace(".tar.gz", string.Empty, StringComparison.Ordinal);
        var backup = options.BackupObject is { } file
            ? new VeleroBackup(KubeJson.ParseObject(await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false), ItemReference.Payload(file)))
            : VeleroRequests.Backup(backupName, VeleroRequests.DefaultVeleroNamespace, options.Workflow, migrationRegistry: null);
        var restore = VeleroRequests.Restore($"{backup.Name}-preview", backup.Namespace ?? VeleroRequests.DefaultVeleroNamespace, backup.Name, options.NamespaceMapping, options.Workflow, migrationRegistry: null);
        var cluster = new OfflineClusterLookups(
            ServerVersion.FromMajorMinor(options.ServerVersion ?? OfflineClusterLookups.AssumedServerVersion),
            options.RegistryHostname ?? OfflineClusterLookups.AssumedRegistryHostname,
            [backup.Json, .. options.ClusterObjects is { } objects ? await ClusterObjectFiles.LoadAsync(objects, cancellationToken).ConfigureAwait(false) : []]);
        var services = PluginServices.Default with { Cluster = cluster, OpenShift = OpenShiftOptions.Default };
        var preview = new RestorePreview(new ItemTransformer(PluginCatalog.Default, services, tracking: ChangeTracking.PerItem));

        var failures = new List<string>();
        await using var archive = File.OpenRead(options.Backup);
        var summary = await preview.RunAsync(
            archive,
            options.Backup,
            restore,
            options.Output,
            item =>
            {
                if (item.Error is { } error)
                {
                    failures.Add(error.Message);
                }
            },
            invalid => failures.Add(invalid.Message),
            cancellationToken).ConfigureAwait(false);

        await stdout.WriteAsync(Render(options, summary).AsMemory(), cancellationToken).ConfigureAwait(false);
        await stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
        foreach (var failure in failures)
        {
            await stderr.WriteLineAsync($"failed: {failure}".AsMemory(), cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }

    private static string Render(PreviewOptions options, RestorePreviewSummary summary)
    {
        var text = new System.Text.StringBuilder();
        var mapping = options.NamespaceMapping.Count == 0 ? "none" : string.Join(", ", options.NamespaceMapping.Select(m => $"{m.Key} -> {m.Value}"));
        text.AppendLine(CultureInfo.InvariantCulture, $"Restore preview of {options.Backup}");
        text.AppendLine(CultureInfo.InvariantCulture, $"namespace mapping: {mapping}; manifests in {Path.GetFullPath(options.Output)}");
        text.AppendLine();
        const string Row = "{0,-28} {1,8} {2,8} {3,8} {4,9} {5,7}";
        text.AppendLine(string.Format(CultureInfo.InvariantCulture, Row, "KIND", "CREATED", "CHANGED", "SKIPPED", "FILTERED", "FAILED"));
        foreach (var (kind, counts) in summary.ByKind)
        {
            text.AppendLine(string.Format(CultureInfo.InvariantCulture, Row, kind, counts.Created, counts.Changed, counts.Skipped, counts.Filtered, counts.Failed));
        }

        text.AppendLine(string.Format(CultureInfo.InvariantCulture, Row, "TOTAL", summary.Created, summary.Changed, summary.Skipped, summary.Filtered, summary.Failed));
        if (summary.Invalid > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{summary.Invalid} file(s) of the archive were not valid JSON and were left out.");
        }

        return text.ToString();
    }
}
