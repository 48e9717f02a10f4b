using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using VeleroOpenShift.Errors;

namespace VeleroOpenShift.Registry;

/// <summary>
/// Answers one registry's authentication challenges (Docker registry token authentication): basic authentication with
/// the credentials, or bearer tokens from the realm the challenge names, one per scope, kept until shortly before they
/// expire. Credentials and tokens never reach a log line.
/// </summary>
internal sealed class RegistryAuthenticator(HttpClient http, IRegistryCredentials credentials, TimeProvider time, ILogger logger)
{
    // Registries that do not say how long a token lives give it 60 seconds (the token specification's default).
    private static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset Expires)> _tokens = new(StringComparer.Ordinal);
    private volatile AuthChallenge? _challenge;

    /// <summary>Adds the authorization the registry asked for (if it has asked) to a request needing <paramref name="scope"/>.</summary>
    public async Task AuthorizeAsync(HttpRequestMessage request, string scope, string image, CancellationToken cancellationToken)
    {
        var challenge = _challenge;
        if (challenge is null)
        {
            return;
        }

        if (challenge.IsBasic)
        {
            if (await credentials.GetAsync(cancellationToken).ConfigureAwait(false) is { } credential)
            {
                request.Headers.Authorization = Basic(credential);
            }

            return;
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(challenge, scope, image, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Takes the challenge of a 401 answer. True when a new attempt may succeed: a scheme this class answers, and
    /// for bearer tokens the cached token for the scope is dropped so that the next attempt asks for a new one.
    /// </summary>
    public async Task<bool> AcceptChallengeAsync(HttpResponseMessage response, string scope, CancellationToken cancellationToken)
    {
        var challenge = response.Headers.WwwAuthenticate
            .Select(header => AuthChallenge.Parse(header.ToString()))
            .FirstOrDefault(c => c is { IsBearer: true } or { IsBasic: true });
        if (challenge is null)
        {
            return false;
        }

        _challenge = challenge;
        if (challenge.IsBasic)
        {
            return await credentials.GetAsync(cancellationToken).ConfigureAwait(false) is not null;
        }

        _tokens.TryRemove(scope, out _);
        return true;
    }

    private async Task<string> TokenAsync(AuthChallenge challenge, string scope, string image, CancellationToken cancellationToken)
    {
        if (_tokens.TryGetValue(scope, out var cached) && cached.Expires - RefreshMargin > time.GetUtcNow())
        {
            return cached.Token;
        }

        var realm = challenge.Parameter("realm");
        if (realm is null || !Uri.TryCreate(realm, UriKind.Absolute, out var realmUri))
        {
            throw new RegistryException(FailureKind.AuthenticationFailed, image, "token", $"the registry's bearer challenge has no usable realm ('{realm}')");
        }

        var query = new StringBuilder();
        if (challenge.Parameter("service") is { } service)
        {
            query.Append("service=").Append(Uri.EscapeDataString(service));
        }

        foreach (var one in scope.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            query.Append(query.Length == 0 ? string.Empty : "&").Append("scope=").Append(Uri.EscapeDataString(one));
        }

        var builder = new UriBuilder(realmUri);
        builder.Query = builder.Query.Length > 1 ? builder.Query[1..] + "&" + query : query.ToString();
        using var request = new HttpRequestMessage(HttpMethod.Get, builder.Uri);
        if (await credentials.GetAsync(cancellationToken).ConfigureAwait(false) is { } credential)
        {
            request.Headers.Authorization = Basic(credential);
        }

        logger.LogDebug("Requesting a registry token for {Scope} from {Realm}", scope, realmUri.GetLeftPart(UriPartial.Path));
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new RegistryException(FailureKind.RemoteFailure, image, "token", $"cannot reach the token service {realmUri.GetLeftPart(UriPartial.Path)}: {e.Message}", innerException: e);
        }

        using (response)
        {
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw new RegistryException(FailureKind.AuthenticationFailed, image, "token", $"the token service {realmUri.GetLeftPart(UriPartial.Path)} refused the credentials for {scope}", (int)response.StatusCode);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new RegistryException(RegistryException.KindOfStatus((int)response.StatusCode), image, "token", $"the token service {realmUri.GetLeftPart(UriPartial.Path)} answered HTTP {(int)response.StatusCode}", (int)response.StatusCode);
            }

            TokenResponse? answer;
            try
            {
                answer = await response.Content.ReadFromJsonAsync(RegistryJsonContext.Default.TokenResponse, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException e)
            {
                throw new RegistryException(FailureKind.RemoteFailure, image, "token", "the token service's answer is not valid JSON", innerException: e);
            }

            var token = answer?.Token is { Length: > 0 } t ? t : answer?.AccessToken;
            if (string.IsNullOrEmpty(token))
            {
                throw new RegistryException(FailureKind.AuthenticationFailed, image, "token", "the token service answered without a token");
            }

            var lifetime = answer!.ExpiresIn is int seconds && seconds > 0 ? TimeSpan.FromSeconds(seconds) : DefaultTokenLifetime;
            _tokens[scope] = (token, time.GetUtcNow() + lifetime);
            logger.LogDebug("Registry token for {Scope} expires at {Expires:O}", scope, time.GetUtcNow() + lifetime);
            return token;
        }
    }

    private static AuthenticationHeaderValue Basic(NetworkCredential credential) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credential.UserName + ":" + credential.Password)));
}
