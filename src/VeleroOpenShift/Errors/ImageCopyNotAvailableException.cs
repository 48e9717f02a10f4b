namespace VeleroOpenShift.Errors;

/// <summary>An image had to be copied between registries by a front end that does not copy images (a preview or offline transform).</summary>
public sealed class ImageCopyNotAvailableException : VeleroOpenShiftException
{
    public ImageCopyNotAvailableException(string source, string destination)
        : base(FailureKind.NotSupported, source, $"images are not copied outside the plugin (preview or transform): would copy {source} to {destination}", null)
    {
        Source = source;
        Destination = destination;
    }

    public new string Source { get; }

    public string Destination { get; }

    public override string ErrorId => "ImageCopyNotAvailable";
}
