using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using VeleroOpenShift.Errors;

namespace VeleroOpenShift.Registry;

/// <summary>
/// The HTTP side of one registry with one set of credentials: finds the API base (https, or plain http when TLS
/// checks are off, as skopeo's <c>--tls-verify=false</c> allows), answers authentication challenges, and retries
/// requests on connection failures and 408/429/5xx answers with the retry policy's back-off.
/// </summary>
internal sealed class RegistryConnection
{
    private readonly HttpClient _http;
    private readonly bool _insecure;
    private readonly RegistryAuthenticator _authenticator;
    private readonly RetryPolicy _retry;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _probe = new(1, 1);
    private Uri? _base;

    public RegistryConnection(string registry, HttpClient http, bool insecure, IRegistryCredentials credentials, RetryPolicy retry, TimeProvider time, ILogger logger)
    {
        Registry = registry;
        _http = http;
        _insecure = insecure;
        _retry = retry;
        _time = time;
        _logger = logger;
        _authenticator = new RegistryAuthenticator(http, credentials, time, logger);
    }

    /// <summary>The registry as named in image references (<c>host[:port]</c>).</summary>
    public string Registry { get; }

    /// <summary>Sends <paramref name="request"/>; the caller checks the status of the answer it gets.</summary>
    public async Task<HttpResponseMessage> SendAsync(RegistryRequest request, CancellationToken cancellationToken)
    {
        var baseUri = await BaseAsync(request.Image, cancellationToken).ConfigureAwait(false);
        var url = new Uri(baseUri, request.PathOrUrl);
        var challenged = false;
        for (var attempt = 1; ; attempt++)
        {
            var mayRetry = request.Resendable && attempt < _retry.MaxAttempts;
            string failure;
            try
            {
                var response = await SendOnceAsync(request, url, cancellationToken).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.Unauthorized && !challenged && (request.Resendable || request.Content is null)
                    && await _authenticator.AcceptChallengeAsync(response, request.Scope, cancellationToken).ConfigureAwait(false))
                {
                    response.Dispose();
                    challenged = true;
                    attempt--;
                    continue;
                }

                var status = (int)response.StatusCode;
                if (status is not (408 or 429) && status < 500 || !mayRetry)
                {
                    return response;
                }

                failure = $"HTTP {status}";
                response.Dispose();
            }
            catch (Exception e) when (e is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
            {
                if (!mayRetry)
                {
                    throw new RegistryException(FailureKind.RemoteFailure, request.Image, request.Field, $"{request.Method} {url.GetLeftPart(UriPartial.Path)} failed: {e.Message}", innerException: e);
                }

                failure = e.Message;
            }

            await WaitAsync(request.ToString(), failure, attempt, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Throws the registry's error (status, error code and message) unless the answer has one of the expected statuses.</summary>
    public static async Task EnsureAsync(HttpResponseMessage response, string image, string field, CancellationToken cancellationToken, params int[] expected)
    {
        var status = (int)response.StatusCode;
        if (expected.Contains(status))
        {
            return;
        }

        RegistryError? error = null;
        try
        {
            var body = await response.Content.ReadFromJsonAsync(RegistryJsonContext.Default.RegistryErrorBody, cancellationToken).ConfigureAwait(false);
            error = body?.Errors?.FirstOrDefault();
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or HttpRequestException or IOException)
        {
            // The answer has no error document (a proxy's HTML page, an empty HEAD answer); the status says enough.
        }

        var detail = error is null ? string.Empty : $" {error.Code}: {error.Message}";
        throw new RegistryException(RegistryException.KindOfStatus(status), image, field, $"HTTP {status}{detail}".TrimEnd(), status, error?.Code);
    }

    private async Task<HttpResponseMessage> SendOnceAsync(RegistryRequest request, Uri url, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(request.Method, url);
        foreach (var type in request.Accept)
        {
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
        }

        message.Content = request.Content?.Invoke();
        await _authenticator.AuthorizeAsync(message, request.Scope, request.Image, cancellationToken).ConfigureAwait(false);
        return await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The API base, found once by asking <c>/v2/</c>: over https, and over http when TLS checks are off and https
    /// cannot be spoken. Its 401 challenge is kept, so the first real request already carries authorization.
    /// </summary>
    private async Task<Uri> BaseAsync(string image, CancellationToken cancellationToken)
    {
        if (_base is { } known)
        {
            return known;
        }

        await _probe.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_base is { } found)
            {
                return found;
            }

            var host = Registry == ImageReference.DockerHub ? "registry-1.docker.io" : Registry;
            string[] schemes = _insecure ? ["https", "http"] : ["https"];
            for (var attempt = 1; ; attempt++)
            {
                var failures = new List<string>();
                foreach (var scheme in schemes)
                {
                    var candidate = new Uri($"{scheme}://{host}/");
                    try
                    {
                        using var response = await _http.GetAsync(new Uri(candidate, "v2/"), HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                        var status = (int)response.StatusCode;
                        if (status is 200 or 401)
                        {
                            if (status == 401)
                            {
                                await _authenticator.AcceptChallengeAsync(response, string.Empty, cancellationToken).ConfigureAwait(false);
                            }

                            _base = candidate;
                            return candidate;
                        }

                        failures.Add($"{candidate}v2/ answered HTTP {status}");
                        if (status < 500 && status is not (408 or 429))
                        {
                            throw new RegistryException(RegistryException.KindOfStatus(status), image, "registry", $"{Registry} does not serve the registry API v2: {string.Join("; ", failures)}", status);
                        }
                    }
                    catch (HttpRequestException e) when (!cancellationToken.IsCancellationRequested)
                    {
                        // An untrusted certificate stays untrusted: fail at once rather than after every retry.
                        if (!_insecure && e.InnerException is System.Security.Authentication.AuthenticationException)
                        {
                            throw new RegistryException(FailureKind.RemoteFailure, image, "registry", $"the certificate of {Registry} is not trusted and TLS verification is on: {e.Message}", innerException: e);
                        }

                        failures.Add($"{candidate}v2/: {e.Message}");
                    }
                }

                var failure = string.Join("; ", failures);
                if (attempt >= _retry.MaxAttempts)
                {
                    throw new RegistryException(FailureKind.RemoteFailure, image, "registry", $"cannot reach {Registry}: {failure}");
                }

                await WaitAsync($"GET {host}/v2/", failure, attempt, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _probe.Release();
        }
    }

    private async Task WaitAsync(string what, string failure, int attempt, CancellationToken cancellationToken)
    {
        var delay = _retry.DelayBefore(attempt + 1);
        _logger.LogWarning("{Request} failed ({Failure}); attempt {Attempt} of {MaxAttempts}, retrying in {DelaySeconds} s", what, failure, attempt, _retry.MaxAttempts, delay.TotalSeconds);
        await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
    }
}
