using System.Net;
using VeleroOpenShift.Errors;

namespace VeleroOpenShift.OpenStack;

/// <summary>
/// An OpenStack service answered with a status the call did not accept. Keeps what is needed to find the request
/// in the server's logs (method, URL without query, status, request id) and the error body the server sent.
/// </summary>
public sealed class OpenStackServiceException : VeleroOpenShiftException
{
    public OpenStackServiceException(string method, Uri url, HttpStatusCode status, IReadOnlyList<int> expected, string? requestId, string errorBody, string? target = null)
        : base(KindOf(status), target ?? url.AbsolutePath, Compose(method, url, status, expected, errorBody), null)
    {
        Method = method;
        Url = WithoutQuery(url);
        Status = status;
        RequestId = requestId;
        ErrorBody = errorBody;
    }

    public string Method { get; }

    /// <summary>The request URL without its query: temp URL signatures and markers stay out of reports.</summary>
    public string Url { get; }

    public HttpStatusCode Status { get; }

    /// <summary>X-Openstack-Request-Id, Manila's X-Compute-Request-Id or Swift's X-Trans-Id; null when the server sent none.</summary>
    public string? RequestId { get; }

    public string ErrorBody { get; }

    public override string ErrorId => "OpenStackService" + Kind;

    private static string WithoutQuery(Uri url) => url.GetLeftPart(UriPartial.Path);

    // Wording of the reference client, which users grep for in Velero's logs.
    private static string Compose(string method, Uri url, HttpStatusCode status, IReadOnlyList<int> expected, string errorBody) =>
        $"Expected HTTP response code [{string.Join(' ', expected)}] when accessing [{method} {WithoutQuery(url)}], but got {(int)status} instead: {errorBody.Trim()}";

    private static FailureKind KindOf(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => FailureKind.AuthenticationFailed,
        HttpStatusCode.Forbidden => FailureKind.PermissionDenied,
        HttpStatusCode.NotFound => FailureKind.NotFound,
        HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed => FailureKind.Conflict,
        HttpStatusCode.RequestTimeout or HttpStatusCode.GatewayTimeout => FailureKind.Timeout,
        HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity or HttpStatusCode.RequestEntityTooLarge => FailureKind.InvalidData,
        HttpStatusCode.NotImplemented => FailureKind.NotSupported,
        _ => FailureKind.RemoteFailure,
    };
}
