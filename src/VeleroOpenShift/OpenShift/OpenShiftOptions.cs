using VeleroOpenShift.OpenShift.Common;
using VeleroOpenShift.OpenShift.Images;

namespace VeleroOpenShift.OpenShift;

/// <summary>
/// Process-wide settings of the OpenShift actions. <see cref="ImageStreamBackup"/> is the
/// <c>OPENSHIFT_IMAGESTREAM_BACKUP</c> variable, which the original reads once at start (spec §12).
/// </summary>
public sealed record OpenShiftOptions(bool ImageStreamBackup, IImageCopier ImageCopier)
{
    public static OpenShiftOptions Default { get; } = new(false, UnavailableImageCopier.Instance);

    public static OpenShiftOptions FromEnvironment() =>
        Default with { ImageStreamBackup = GoBoolean.IsTrue(Environment.GetEnvironmentVariable(OpenShiftConstants.ImageStreamBackupVariable)) };
}
