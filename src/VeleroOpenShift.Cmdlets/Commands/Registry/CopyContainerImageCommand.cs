using System.Management.Automation;
using VeleroOpenShift.Cmdlets.Infrastructure;
using VeleroOpenShift.Cmdlets.Output;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Registry;

namespace VeleroOpenShift.Cmdlets.Commands.Registry;

/// <summary>
/// Copies a container image between registries (Docker registry API v2 / OCI distribution), byte for byte so its
/// digest stays the same, every platform of a multi-architecture image included. Blobs the destination has are
/// skipped, blobs in another repository of the same registry are mounted, the rest stream through.
/// </summary>
[Cmdlet(VerbsCommon.Copy, "ContainerImage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ContainerImageCopy))]
public sealed class CopyContainerImageCommand : VeleroAsyncCmdlet
{
    private ContainerImageCopier? _copier;

    /// <summary>The image to copy: <c>docker://host[:port]/path/name[:tag][@sha256:…]</c>.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Source { get; set; } = "";

    /// <summary>Where to copy it: <c>docker://host[:port]/path/name[:tag]</c>; without a tag, <c>latest</c>.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Destination { get; set; } = "";

    [Parameter]
    [Credential]
    [ValidateNotNull]
    public PSCredential? SourceCredential { get; set; }

    [Parameter]
    [Credential]
    [ValidateNotNull]
    public PSCredential? DestinationCredential { get; set; }

    /// <summary>Accept any certificate, and plain http where a registry does not speak TLS, on both sides.</summary>
    [Parameter]
    public SwitchParameter SkipTlsVerify { get; set; }

    protected override void BeginProcessing() =>
        _copier = new ContainerImageCopier(new ImageCopyOptions(), Services.LoggerFactory, Services.Time);

    protected override void ProcessRecord()
    {
        try
        {
            ImageReference.Parse(Source);
            ImageReference.Parse(Destination);
        }
        catch (RegistryException e)
        {
            WriteFailure(e, e.Target);
            return;
        }

        if (!ShouldProcess($"{Source} -> {Destination}", "Copy container image"))
        {
            return;
        }

        var source = Access(SourceCredential);
        var destination = Access(DestinationCredential);
        var copier = _copier!;
        try
        {
            RunEngine(async cancellationToken =>
            {
                var progress = new CopyProgress(Pipeline, $"Copying {Source}", Destination);
                var result = await copier.CopyAsync(Source, source, Destination, destination, progress, cancellationToken).ConfigureAwait(false);
                progress.Complete();
                Pipeline.WriteObject(new ContainerImageCopy(result));
            });
        }
        catch (VeleroOpenShiftException e)
        {
            WriteFailure(e, e.Target);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _copier?.Dispose();
        }

        base.Dispose(disposing);
    }

    private RegistryAccess Access(PSCredential? credential) =>
        new(new StaticRegistryCredentials(credential?.GetNetworkCredential()), SkipTlsVerify);

    /// <summary>Write-Progress over the bytes of every blob, called from the copy's threads.</summary>
    private sealed class CopyProgress(PipelineQueue pipeline, string activity, string description) : IProgress<ImageCopyProgress>
    {
        private TransferProgress? _transfer;

        public void Report(ImageCopyProgress value)
        {
            var transfer = LazyInitializer.EnsureInitialized(ref _transfer, () => new TransferProgress(pipeline, 1, activity, description, value.BytesToCopy));
            transfer.Report(value.BytesCopied);
        }

        public void Complete() => _transfer?.Complete();
    }
}
