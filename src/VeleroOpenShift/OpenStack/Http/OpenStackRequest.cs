using System.Net.Http.Headers;

namespace VeleroOpenShift.OpenStack.Http;

/// <summary>
/// A request that can be built again for each attempt (retries, re-authentication): method, URL, headers, body.
/// The token is added when the message is built so that a renewed token is used by the next attempt.
/// </summary>
internal sealed class OpenStackRequest
{
    public OpenStackRequest(HttpMethod method, Uri url, RequestBody? body = null)
    {
        Method = method;
        Url = url;
        Body = body;
    }

    public HttpMethod Method { get; }

    public Uri Url { get; }

    public RequestBody? Body { get; }

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>GET, HEAD, PUT and DELETE leave the same state however often they run; POST does not.</summary>
    public bool IsIdempotent => Method != HttpMethod.Post && Method != HttpMethod.Patch;

    public bool CanResend => Body?.CanResend ?? true;

    public HttpRequestMessage Build(string token, Action progress)
    {
        var message = new HttpRequestMessage(Method, Url);
        message.Headers.Add("X-Auth-Token", token);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (Body is not null)
        {
            message.Content = Body.CreateContent(progress);

            // Lets Swift refuse (401, 503, 413) before the body is sent, so a one-shot body stays resendable.
            message.Headers.ExpectContinue = true;
        }

        foreach (var (name, value) in Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content ??= new ByteArrayContent([]);
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return message;
    }

    /// <summary>For log lines: the method and the URL without query.</summary>
    public override string ToString() => $"{Method} {Url.GetLeftPart(UriPartial.Path)}";
}
