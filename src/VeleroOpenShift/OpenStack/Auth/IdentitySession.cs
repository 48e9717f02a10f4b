using System.Net;
using Microsoft.Extensions.Logging;
using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenStack.Http;

namespace VeleroOpenShift.OpenStack.Auth;

/// <summary>
/// One authenticated identity: reuses its token until shortly before expiry, and on a 401 re-authenticates once
/// and resends once (spec §3.8). Concurrent 401s share one re-authentication.
/// </summary>
internal sealed class IdentitySession : IDisposable
{
    // Renew this long before the stated expiry so that a token does not die while a request is on its way.
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromSeconds(30);

    private readonly IAuthenticator _authenticator;
    private readonly bool _allowReauth;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _renewal = new(1, 1);
    private AuthToken? _current;

    public IdentitySession(IAuthenticator authenticator, bool allowReauth, TimeProvider time, ILogger logger)
    {
        _authenticator = authenticator;
        _allowReauth = allowReauth;
        _time = time;
        _logger = logger;
    }

    public Uri IdentityEndpoint => _authenticator.IdentityEndpoint;

    /// <summary>How many tokens this session obtained; a second one means it re-authenticated.</summary>
    public int Authentications { get; private set; }

    public async Task<AuthToken> GetTokenAsync(CancellationToken cancellationToken)
    {
        var current = _current;
        if (current is not null && !(_allowReauth && IsExpiring(current)))
        {
            return current;
        }

        return await RenewAsync(current, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends with the current token; on 401 re-authenticates once and sends once more.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpClient http, OpenStackRequest request, Action progress, CancellationToken cancellationToken)
    {
        var token = await GetTokenAsync(cancellationToken).ConfigureAwait(false);
        var response = await SendOnceAsync(http, request, token, progress, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized || !_allowReauth || !request.CanResend)
        {
            return response;
        }

        response.Dispose();
        _logger.LogDebug("{Request} was refused with 401; re-authenticating once", request);
        AuthToken renewed;
        try
        {
            renewed = await RenewAsync(token, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is VeleroOpenShiftException or HttpRequestException)
        {
            throw new OpenStackException(FailureKind.AuthenticationFailed, request.Url.GetLeftPart(UriPartial.Path), $"Unable to re-authenticate: {request} answered 401: {e.Message}", e);
        }

        return await SendOnceAsync(http, request, renewed, progress, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _renewal.Dispose();

    private static async Task<HttpResponseMessage> SendOnceAsync(HttpClient http, OpenStackRequest request, AuthToken token, Action progress, CancellationToken cancellationToken)
    {
        using var message = request.Build(token.Value, progress);
        return await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
    }

    private bool IsExpiring(AuthToken token) => token.ExpiresAt is { } expiry && _time.GetUtcNow() >= expiry - ExpiryMargin;

    private async Task<AuthToken> RenewAsync(AuthToken? stale, CancellationToken cancellationToken)
    {
        await _renewal.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_current is not null && !ReferenceEquals(_current, stale))
            {
                return _current;
            }

            var token = await _authenticator.AuthenticateAsync(cancellationToken).ConfigureAwait(false);
            _current = token;
            Authentications++;
            _logger.LogDebug("Authentication against identity endpoint {IdentityEndpoint} was successful ({Token})", IdentityEndpoint, token);
            return token;
        }
        finally
        {
            _renewal.Release();
        }
    }
}
