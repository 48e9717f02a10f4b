namespace VeleroOpenShift.Errors;

/// <summary>
/// A copy between image registries (or a registry laid out in a backup storage location) failed. Names the image
/// reference and what about it failed (the manifest, a blob digest, the token request), and keeps the HTTP status
/// and the registry's error code when the failure is one answer.
/// </summary>
public sealed class RegistryException : VeleroOpenShiftException
{
    public RegistryException(FailureKind kind, string image, string field, string problem, int statusCode = 0, string? registryCode = null, Exception? innerException = null)
        : base(kind, image, $"{image}: {field}: {problem}", innerException)
    {
        Image = image;
        Field = field;
        Problem = problem;
        StatusCode = statusCode;
        RegistryCode = registryCode;
    }

    /// <summary>The image reference the failure concerns, as given (<c>docker://host/ns/name:tag</c>).</summary>
    public string Image { get; }

    /// <summary>What of the image failed: <c>manifest</c>, <c>blob sha256:…</c>, <c>token</c>, <c>reference</c>.</summary>
    public string Field { get; }

    public string Problem { get; }

    /// <summary>The HTTP status of the registry's answer, or 0.</summary>
    public int StatusCode { get; }

    /// <summary>The first error code of the registry's error body (<c>BLOB_UNKNOWN</c>, <c>MANIFEST_UNKNOWN</c>, …), or null.</summary>
    public string? RegistryCode { get; }

    /// <summary>Worth another attempt: the registry was unavailable or failed on its side, or the connection broke.</summary>
    public bool IsTransient => (StatusCode is 0 or 408 or 429 or >= 500) && (Kind is FailureKind.RemoteFailure or FailureKind.Timeout);

    public override string ErrorId => "Registry" + Kind;

    /// <summary>The failure kind that fits an HTTP status of a registry.</summary>
    public static FailureKind KindOfStatus(int statusCode) => statusCode switch
    {
        400 => FailureKind.InvalidData,
        401 => FailureKind.AuthenticationFailed,
        403 => FailureKind.PermissionDenied,
        404 => FailureKind.NotFound,
        405 => FailureKind.NotSupported,
        408 or 504 => FailureKind.Timeout,
        409 => FailureKind.Conflict,
        _ => FailureKind.RemoteFailure,
    };
}
