namespace VeleroOpenShift.Errors;

/// <summary>
/// A look-up in the cluster failed or answered something unusable. Keeps the HTTP status (0 when the
/// failure is not an HTTP answer) so callers can tell "not found / not served" from other failures.
/// </summary>
public sealed class ClusterLookupException : VeleroOpenShiftException
{
    public ClusterLookupException(FailureKind kind, string target, string problem, int statusCode = 0, Exception? innerException = null)
        : base(kind, target, $"{target}: {problem}", innerException)
    {
        StatusCode = statusCode;
        Problem = problem;
    }

    /// <summary>The HTTP status of the API answer, or 0.</summary>
    public int StatusCode { get; }

    public string Problem { get; }

    /// <summary>The object does not exist or its API is not served by this cluster.</summary>
    public bool IsNotFound => StatusCode == 404;

    public override string ErrorId => "ClusterLookupFailed";

    /// <summary>The failure kind that fits an HTTP status of the Kubernetes API.</summary>
    public static FailureKind KindOfStatus(int statusCode) => statusCode switch
    {
        400 or 422 => FailureKind.InvalidData,
        401 => FailureKind.AuthenticationFailed,
        403 => FailureKind.PermissionDenied,
        404 => FailureKind.NotFound,
        409 => FailureKind.Conflict,
        408 or 504 => FailureKind.Timeout,
        _ => FailureKind.RemoteFailure,
    };
}
