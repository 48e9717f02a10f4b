using System.Management.Automation;
using VeleroOpenShift.Cmdlets.Infrastructure;

namespace VeleroOpenShift.Cmdlets.Commands.OpenStack;

/// <summary>
/// Downloads an object to a file, streaming it. The bytes go to a temporary file beside the destination that
/// replaces it only when complete, so a broken download never leaves a truncated file under the name.
/// </summary>
[Cmdlet(VerbsData.Save, "SwiftObject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(FileInfo))]
public sealed class SaveSwiftObjectCommand : SwiftCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Container { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "";

    /// <summary>A file path, or an existing folder to save into under the object's last name segment.</summary>
    [Parameter(Mandatory = true, Position = 2)]
    [ValidateNotNullOrEmpty]
    public string Destination { get; set; } = "";

    /// <summary>Overwrite an existing file.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        var target = $"{Container}/{Name}";
        var file = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Destination);
        if (Directory.Exists(file))
        {
            file = System.IO.Path.Combine(file, Name.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? Name);
        }

        var exists = File.Exists(file);
        if (exists && !Force)
        {
            WriteFailure(new IOException($"'{file}' exists; use -Force to overwrite it.", ErrorRecordFactory.FileExists), file);
            return;
        }

        if (!ShouldProcess($"{target} -> {file}", exists ? "Overwrite file with Swift object" : "Save Swift object to file"))
        {
            return;
        }

        var account = Account;
        var partial = file + ".partial";
        RunForItem(target, async cancellationToken =>
        {
            try
            {
                await using (var source = await account.DownloadAsync(Container, Name, cancellationToken).ConfigureAwait(false))
                await using (var output = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
                {
                    var progress = new TransferProgress(Pipeline, 1, $"Downloading {target}", file, null);
                    await using var counted = new ProgressStream(source, progress.Report);
                    await counted.CopyToAsync(output, 1 << 16, cancellationToken).ConfigureAwait(false);
                    progress.Complete();
                }

                File.Move(partial, file, overwrite: true);
                Pipeline.WriteObject(new FileInfo(file));
            }
            finally
            {
                File.Delete(partial);
            }
        });
    }
}
