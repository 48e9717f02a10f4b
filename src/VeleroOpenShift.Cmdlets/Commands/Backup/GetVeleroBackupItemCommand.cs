using System.Management.Automation;
using VeleroOpenShift.Cmdlets.Infrastructure;
using VeleroOpenShift.Cmdlets.Output;
using VeleroOpenShift.Velero.Archive;

namespace VeleroOpenShift.Cmdlets.Commands.Backup;

/// <summary>
/// Reads the Kubernetes objects of a Velero backup tarball as a stream (the archive is never held in
/// memory), optionally filtered. A broken item is reported as an error and the read goes on.
/// </summary>
[Cmdlet(VerbsCommon.Get, "VeleroBackupItem", DefaultParameterSetName = PathSet)]
[OutputType(typeof(VeleroBackupItem))]
public sealed class GetVeleroBackupItemCommand : VeleroAsyncCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";
    private const int ProgressEvery = 200;

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = [];

    /// <summary>Resource folder names to keep (<c>pods</c>, <c>deployments.apps</c>); wildcards allowed.</summary>
    [Parameter]
    [SupportsWildcards]
    public string[]? Resource { get; set; }

    [Parameter]
    [SupportsWildcards]
    public string[]? Kind { get; set; }

    [Parameter]
    [SupportsWildcards]
    public string[]? Namespace { get; set; }

    [Parameter]
    [SupportsWildcards]
    public string[]? Name { get; set; }

    /// <summary>Also return the copies of other API versions (backups taken with EnableAPIGroupVersions).</summary>
    [Parameter]
    public SwitchParameter IncludeAllVersions { get; set; }

    protected override void ProcessRecord()
    {
        var literal = ParameterSetName == LiteralPathSet;
        foreach (var given in literal ? LiteralPath : Path)
        {
            var files = ResolveFiles(given, literal);

            foreach (var file in files)
            {
                Read(file);
            }
        }
    }

    private void Read(string file)
    {
        try
        {
            RunEngine(async cancellationToken =>
            {
                var reader = new BackupArchiveReader(IncludeAllVersions, invalid => Pipeline.WriteError(ErrorRecordFactory.Create(invalid)));
                await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
                var progress = new ProgressRecord(1, "Reading Velero backup", file);
                var count = 0;
                await foreach (var entry in reader.ReadAsync(stream, file, cancellationToken).ConfigureAwait(false))
                {
                    if (++count % ProgressEvery == 0)
                    {
                        progress.PercentComplete = stream.Length == 0 ? 0 : (int)(100 * stream.Position / stream.Length);
                        progress.StatusDescription = $"{count} items";
                        Pipeline.WriteProgress(progress);
                    }

                    var item = new VeleroBackupItem(entry, file);
                    if (Keep(item))
                    {
                        Pipeline.WriteObject(item);
                    }
                }

                progress.RecordType = ProgressRecordType.Completed;
                Pipeline.WriteProgress(progress);
            });
        }
        catch (Exception e) when (e is Errors.VeleroOpenShiftException or IOException or UnauthorizedAccessException)
        {
            WriteFailure(e, file);
        }
    }

    private bool Keep(VeleroBackupItem item) =>
        Matches(Resource, item.Resource) && Matches(Kind, item.Kind) && Matches(Namespace, item.Namespace ?? string.Empty) && Matches(Name, item.Name);

    private static bool Matches(string[]? patterns, string value) =>
        patterns is null || patterns.Any(p => WildcardPattern.Get(p, WildcardOptions.IgnoreCase).IsMatch(value));
}
