namespace VeleroOpenShift.Errors;

/// <summary>
/// What went wrong, independent of the front end. The cmdlet layer maps it to an ErrorCategory,
/// the plugin shim to a gRPC status code; each in exactly one place.
/// </summary>
public enum FailureKind
{
    /// <summary>An item, payload or argument is malformed or has a field of the wrong shape.</summary>
    InvalidData,
    /// <summary>A configuration key, credential source or option is missing or unusable.</summary>
    InvalidConfiguration,
    /// <summary>A plugin, object, volume, snapshot or other named thing does not exist.</summary>
    NotFound,
    /// <summary>Credentials were refused or could not be obtained.</summary>
    AuthenticationFailed,
    /// <summary>Credentials were accepted but the operation is not allowed.</summary>
    PermissionDenied,
    /// <summary>The target exists already or is in a state that forbids the operation.</summary>
    Conflict,
    /// <summary>A wait or a remote call exceeded its time limit.</summary>
    Timeout,
    /// <summary>A remote service failed or answered something unusable.</summary>
    RemoteFailure,
    /// <summary>The request is understood but not supported by this implementation or server.</summary>
    NotSupported,
}
