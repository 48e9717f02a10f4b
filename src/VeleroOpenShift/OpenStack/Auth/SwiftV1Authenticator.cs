using System.Globalization;
using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenStack.Http;

namespace VeleroOpenShift.OpenStack.Auth;

/// <summary>
/// Swift's v1.0 auth (tempauth, swauth): <c>GET auth/v1.0</c> with <c>X-Auth-User</c>/<c>X-Auth-Key</c> yields a token
/// and the account URL. This module's extension for Swift clusters without Keystone; the reference has no such path.
/// </summary>
internal sealed class SwiftV1Authenticator : IAuthenticator
{
    private static readonly int[] Authenticated = [200, 204];

    private readonly HttpClient _http;
    private readonly string _user;
    private readonly string _key;
    private readonly TimeProvider _time;

    public SwiftV1Authenticator(HttpClient http, AuthInfo auth, TimeProvider time)
    {
        if (auth.AuthUrl.Length == 0)
        {
            throw new OpenStackException(FailureKind.InvalidConfiguration, "auth_url", "failed to build auth options: Missing input for argument [auth_url]");
        }

        if (auth.Username.Length == 0 || auth.Password.Length == 0)
        {
            throw new OpenStackException(FailureKind.InvalidConfiguration, "auth", "failed to build auth options: Swift v1.0 auth needs a username (account:user) and a password (key)");
        }

        _http = http;
        _user = auth.Username;
        _key = auth.Password;
        _time = time;
        IdentityEndpoint = new Uri(auth.AuthUrl);
    }

    public Uri IdentityEndpoint { get; }

    public async Task<AuthToken> AuthenticateAsync(CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, IdentityEndpoint);
        message.Headers.Add("X-Auth-User", _user);
        message.Headers.Add("X-Auth-Key", _key);
        using var response = await _http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        await HttpResponses.EnsureAsync(response, Authenticated, cancellationToken, IdentityEndpoint.ToString()).ConfigureAwait(false);

        var token = HttpResponses.Header(response, "X-Auth-Token");
        var storageUrl = HttpResponses.Header(response, "X-Storage-Url");
        if (token is null || storageUrl is null)
        {
            throw new OpenStackException(FailureKind.RemoteFailure, IdentityEndpoint.ToString(), "failed to authenticate: Swift v1.0 auth answered without X-Auth-Token or X-Storage-Url");
        }

        DateTimeOffset? expiresAt = HttpResponses.Header(response, "X-Auth-Token-Expires") is { } seconds
            && double.TryParse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var lifetime)
            ? _time.GetUtcNow().AddSeconds(lifetime)
            : null;
        return new AuthToken(token, expiresAt, [], new Uri(storageUrl));
    }
}
