namespace VeleroOpenShift.OpenStack.Http;

/// <summary>Turns unexpected answers into <see cref="OpenStackServiceException"/> with the server's request id and body.</summary>
internal static class HttpResponses
{
    // Error bodies are for people; a runaway HTML page is cut rather than carried into every log line.
    private const int MaxErrorBodyChars = 4096;

    public static async Task EnsureAsync(HttpResponseMessage response, IReadOnlyList<int> expected, CancellationToken cancellationToken, string? target = null)
    {
        if (!expected.Contains((int)response.StatusCode))
        {
            throw await ErrorAsync(response, expected, cancellationToken, target).ConfigureAwait(false);
        }
    }

    public static async Task<OpenStackServiceException> ErrorAsync(HttpResponseMessage response, IReadOnlyList<int> expected, CancellationToken cancellationToken, string? target = null)
    {
        var request = response.RequestMessage ?? throw new InvalidOperationException("response without request");
        string body;
        try
        {
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            body = "";
        }

        if (body.Length > MaxErrorBodyChars)
        {
            body = body[..MaxErrorBodyChars] + "…";
        }

        return new OpenStackServiceException(request.Method.Method, request.RequestUri!, response.StatusCode, expected, RequestId(response), body, target);
    }

    // Manila answers with the Nova-era X-Compute-Request-Id only.
    private static string? RequestId(HttpResponseMessage response) =>
        Header(response, "X-Openstack-Request-Id") ?? Header(response, "X-Compute-Request-Id") ?? Header(response, "X-Trans-Id");

    public static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? values.FirstOrDefault()
            : null;
}
