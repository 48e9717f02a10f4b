using System.Management.Automation;
using VeleroOpenShift.Cmdlets.Infrastructure;
using VeleroOpenShift.Cmdlets.Output;
using VeleroOpenShift.OpenStack.Swift;

namespace VeleroOpenShift.Cmdlets.Commands.OpenStack;

/// <summary>
/// Uploads files as objects, streaming them from disk. Files above the segment size (1 GiB) become Static Large
/// Objects through the engine's SLO path, as Velero's backups do; nothing partial is ever visible under the name.
/// </summary>
[Cmdlet(VerbsCommunications.Send, "SwiftObject", DefaultParameterSetName = PathSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(SwiftObject))]
public sealed class SendSwiftObjectCommand : SwiftCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";

    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Container { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1, ParameterSetName = PathSet, ValueFromPipeline = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = [];

    /// <summary>The object name; by default the file name. Only for a single file.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        var literal = ParameterSetName == LiteralPathSet;
        foreach (var given in literal ? LiteralPath : Path)
        {
            var files = ResolveFiles(given, literal);

            if (Name is not null && files.Count > 1)
            {
                WriteFailure(new PSArgumentException($"-Name names one object, but '{given}' resolves to {files.Count} files."), given);
                continue;
            }

            foreach (var file in files)
            {
                Upload(file, Name ?? System.IO.Path.GetFileName(file));
            }
        }
    }

    private void Upload(string file, string name)
    {
        var target = $"{Container}/{name}";
        if (!ShouldProcess($"{file} -> {target}", "Upload file to Swift"))
        {
            return;
        }

        var account = Account;
        long length = 0;
        RunForItem(target, async cancellationToken =>
        {
            await using var source = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
            length = source.Length;
            var progress = new TransferProgress(Pipeline, 1, $"Uploading to {target}", file, length);
            await using var body = new ProgressStream(source, progress.Report);
            await account.UploadAsync(Container, name, body, cancellationToken).ConfigureAwait(false);
            progress.Complete();
            if (PassThru)
            {
                Pipeline.WriteObject(new SwiftObject(new SwiftObjectInfo(Container, name, length, null, null, null, IsPseudoFolder: false)));
            }
        });
    }
}
