using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenStack.Auth;

namespace VeleroOpenShift.OpenStack.Http;

/// <summary>
/// Sends service requests through an identity session and retries the idempotent ones on connection failures,
/// stalls and 5xx answers, while their body can still be sent again. Waits come from the TimeProvider.
/// </summary>
internal sealed class ResilientSender
{
    private readonly HttpClient _http;
    private readonly IdentitySession _session;
    private readonly RetrySettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public ResilientSender(HttpClient http, IdentitySession session, RetrySettings settings, TimeProvider time, ILogger logger)
    {
        _http = http;
        _session = session;
        _settings = settings;
        _time = time;
        _logger = logger;
    }

    /// <summary>The response of the last attempt (the caller checks its status); throws when no attempt got one.</summary>
    public async Task<HttpResponseMessage> SendAsync(OpenStackRequest request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var mayRetry = attempt < _settings.MaxAttempts && request.IsIdempotent;
            using var stall = new CancellationTokenSource(_settings.StallTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stall.Token);
            string failure;
            try
            {
                var response = await _session.SendAsync(_http, request, () => stall.CancelAfter(_settings.StallTimeout), linked.Token).ConfigureAwait(false);
                if ((int)response.StatusCode < 500 || !mayRetry || !request.CanResend)
                {
                    return response;
                }

                failure = $"HTTP {(int)response.StatusCode}";
                response.Dispose();
            }
            catch (Exception e) when (IsConnectionFailure(e) && mayRetry && request.CanResend)
            {
                failure = e.Message;
            }
            catch (SocketException e)
            {
                // Not retried (not idempotent, or the last attempt): report it as every other transport failure.
                throw new HttpRequestException(e.Message, e);
            }
            catch (OperationCanceledException) when (stall.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                if (!mayRetry || !request.CanResend)
                {
                    throw new OpenStackException(FailureKind.Timeout, request.Url.GetLeftPart(UriPartial.Path), $"{request} made no progress for {_settings.StallTimeout.TotalSeconds:0.###} s");
                }

                failure = "no progress for " + _settings.StallTimeout;
            }

            var delay = _settings.DelayBefore(attempt, Random.Shared);
            _logger.LogWarning("{Request} failed ({Failure}); attempt {Attempt} of {MaxAttempts}, retrying in {DelayMs} ms", request, failure, attempt, _settings.MaxAttempts, (int)delay.TotalMilliseconds);
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    // SocketsHttpHandler surfaces a connection reset right after connect as a bare SocketException (it reads the
    // remote end point of the new socket), not wrapped in HttpRequestException.
    private static bool IsConnectionFailure(Exception e) => e is HttpRequestException or SocketException;
}
