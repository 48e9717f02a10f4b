using System.Management.Automation;
using VeleroOpenShift.Cmdlets.Infrastructure;
using VeleroOpenShift.Cmdlets.Output;
using VeleroOpenShift.Kube;
using VeleroOpenShift.Velero.Transform;

namespace VeleroOpenShift.Cmdlets.Commands.Transform;

/// <summary>
/// Shows what restoring a Velero backup tarball would create: runs the restore actions on every item the
/// Restore admits and writes each manifest a restore would create into a folder. The archive is read as a
/// stream; the cluster is only read (with -Kubeconfig) or not needed at all (offline values).
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "RestorePreview", DefaultParameterSetName = PathSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(VeleroRestorePreview))]
public sealed class InvokeRestorePreviewCommand : RestoreTransformCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";

    /// <summary>The backup tarball.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string? LiteralPath { get; set; }

    /// <summary>The folder to write the manifests to; must be empty or absent unless -Force.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string? OutputPath { get; set; }

    /// <summary>Write into a folder that already has files, replacing manifests of the same names.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    private string _archive = string.Empty;
    private string _output = string.Empty;

    protected override void BeginProcessing()
    {
        try
        {
            var literal = ParameterSetName == LiteralPathSet;
            var archives = ProviderPaths.Resolve(this, literal ? LiteralPath! : Path!, literal).ToList();
            _archive = archives.Count == 1
                ? archives[0]
                : throw new PSArgumentException($"-Path '{Path}' matches {archives.Count} files; a preview reads one backup.");
            _output = SessionState.Path.GetUnresolvedProviderPathFromPSPath(OutputPath);
        }
        catch (Exception e) when (e is ItemNotFoundException or PSArgumentException)
        {
            ThrowFailure(e, Path ?? LiteralPath);
        }

        if (!File.Exists(_archive))
        {
            ThrowFailure(new FileNotFoundException($"The backup '{_archive}' does not exist.", _archive), _archive);
        }

        if (!MyInvocation.BoundParameters.ContainsKey(nameof(BackupName)) && Restore is null)
        {
            BackupName = System.IO.Path.GetFileName(_archive).Replace(".tar.gz", string.Empty, StringComparison.Ordinal);
        }

        if (!Force && Directory.Exists(_output) && Directory.EnumerateFileSystemEntries(_output).Any())
        {
            // Not a read failure: the folder exists with content, so the mapper's IOException mapping would mislabel it.
            ThrowTerminatingError(new ErrorRecord(
                new IOException($"The folder '{_output}' is not empty; use -Force to write into it."), "OutputPathNotEmpty", ErrorCategory.ResourceExists, _output));
        }

        base.BeginProcessing();
    }

    protected override void EndProcessing()
    {
        if (!ShouldProcess(_output, $"Write the manifests a restore of '{_archive}' would create"))
        {
            return;
        }

        try
        {
            RunEngine(async cancellationToken =>
            {
                var progress = new ProgressRecord(2, "Previewing restore", _archive);
                var count = 0;
                var preview = new RestorePreview(Transformer);
                await using var archive = new FileStream(_archive, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
                var summary = await preview.RunAsync(
                    archive,
                    _archive,
                    VeleroRestore,
                    _output,
                    item =>
                    {
                        if (item.Error is { } failure)
                        {
                            // The failure names what the action looked up (a namespace, a secret); the record names the item.
                            Pipeline.WriteError(ErrorRecordFactory.Create(failure, ItemReference.Of(item.Entry.Item).ToString()));
                        }

                        if (++count % 100 == 0)
                        {
                            progress.StatusDescription = $"{count} items";
                            progress.PercentComplete = archive.Length == 0 ? 0 : (int)(100 * archive.Position / archive.Length);
                            Pipeline.WriteProgress(progress);
                        }
                    },
                    invalid => Pipeline.WriteError(ErrorRecordFactory.Create(invalid)),
                    cancellationToken).ConfigureAwait(false);
                progress.RecordType = ProgressRecordType.Completed;
                Pipeline.WriteProgress(progress);
                Pipeline.WriteObject(new VeleroRestorePreview(_archive, _output, summary));
            });
        }
        catch (Exception e) when (e is Errors.VeleroOpenShiftException or IOException or UnauthorizedAccessException)
        {
            ThrowFailure(e, _archive);
        }
    }
}
