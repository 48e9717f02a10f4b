namespace VeleroOpenShift.Errors;

/// <summary>An image had to be copied between registries, but this build has no image copy engine.</summary>
public sealed class ImageCopyNotAvailableException : VeleroOpenShiftException
{
    public ImageCopyNotAvailableException(string source, string destination)
        : base(FailureKind.NotSupported, source, $"image copy is not available yet: cannot copy {source} to {destination}", null)
    {
        Source = source;
        Destination = destination;
    }

    public new string Source { get; }

    public string Destination { get; }

    public override string ErrorId => "ImageCopyNotAvailable";
}
