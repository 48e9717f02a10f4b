using System.Management.Automation;
using VeleroOpenShift.Errors;

namespace VeleroOpenShift.Cmdlets.Infrastructure;

/// <summary>
/// The one place engine failures become PowerShell ErrorRecords: a stable ErrorId, a fitting category,
/// and the item the failure concerns as target object (never the cmdlet).
/// </summary>
internal static class ErrorRecordFactory
{
    /// <summary>ERROR_FILE_EXISTS as an HRESULT: an IOException with it means a destination that is not to be overwritten.</summary>
    public const int FileExists = unchecked((int)0x80070050);

    public static ErrorRecord Create(Exception exception, object? target = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            VeleroOpenShiftException failure => new ErrorRecord(failure, failure.ErrorId, CategoryOf(failure.Kind), target ?? failure.Target),
            ItemNotFoundException or System.Management.Automation.DriveNotFoundException or FileNotFoundException or DirectoryNotFoundException =>
                new ErrorRecord(exception, "PathNotFound", ErrorCategory.ObjectNotFound, target),
            IOException { HResult: FileExists } => new ErrorRecord(exception, "DestinationExists", ErrorCategory.ResourceExists, target),
            UnauthorizedAccessException => new ErrorRecord(exception, "AccessDenied", ErrorCategory.PermissionDenied, target),
            IOException => new ErrorRecord(exception, "FileError", ErrorCategory.ReadError, target),
            OperationCanceledException => new ErrorRecord(exception, "OperationStopped", ErrorCategory.OperationStopped, target),
            ArgumentException => new ErrorRecord(exception, "InvalidArgument", ErrorCategory.InvalidArgument, target),
            _ => new ErrorRecord(exception, "UnexpectedFailure", ErrorCategory.NotSpecified, target),
        };
    }

    public static ErrorCategory CategoryOf(FailureKind kind) => kind switch
    {
        FailureKind.InvalidData => ErrorCategory.InvalidData,
        FailureKind.InvalidConfiguration => ErrorCategory.InvalidArgument,
        FailureKind.NotFound => ErrorCategory.ObjectNotFound,
        FailureKind.AuthenticationFailed => ErrorCategory.AuthenticationError,
        FailureKind.PermissionDenied => ErrorCategory.PermissionDenied,
        FailureKind.Conflict => ErrorCategory.ResourceExists,
        FailureKind.Timeout => ErrorCategory.OperationTimeout,
        FailureKind.RemoteFailure => ErrorCategory.ResourceUnavailable,
        FailureKind.NotSupported => ErrorCategory.NotImplemented,
        _ => ErrorCategory.NotSpecified,
    };
}
