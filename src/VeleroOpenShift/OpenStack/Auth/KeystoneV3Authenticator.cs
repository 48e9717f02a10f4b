using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenStack.Http;

namespace VeleroOpenShift.OpenStack.Auth;

/// <summary>Keystone v3: version discovery (spec §3.5), then <c>POST auth/tokens</c> (spec §3.7).</summary>
internal sealed partial class KeystoneV3Authenticator : IAuthenticator
{
    private static readonly int[] TokenCreated = [201, 202];
    private static readonly int[] TokenValid = [200, 203];
    private static readonly int[] DiscoveryAnswered = [200, 300];

    private readonly HttpClient _http;
    private readonly CloudEntry _entry;
    private readonly TokenRequest _request;
    private readonly ILogger _logger;
    private Uri? _v3Endpoint;

    public KeystoneV3Authenticator(HttpClient http, CloudEntry entry, ILogger logger)
    {
        _http = http;
        _entry = entry;
        _logger = logger;
        if (entry.Auth.AuthUrl.Length == 0)
        {
            throw new OpenStackException(FailureKind.InvalidConfiguration, "auth_url", "failed to build auth options: Missing input for argument [auth_url]");
        }

        IdentityEndpoint = new Uri(WithSlash(entry.Auth.AuthUrl));
        _request = TokenRequestBuilder.Build(entry);
    }

    public Uri IdentityEndpoint { get; }

    public async Task<AuthToken> AuthenticateAsync(CancellationToken cancellationToken)
    {
        var v3Endpoint = _v3Endpoint ??= await DiscoverAsync(cancellationToken).ConfigureAwait(false);
        var tokensUrl = new Uri(v3Endpoint, "auth/tokens");

        // A bare token with re-auth off is checked rather than exchanged (spec §3.7, special case).
        var validateOnly = _request.Auth.Identity.Token is not null && !_entry.Auth.AllowReauth;
        using var message = validateOnly ? ValidationRequest(tokensUrl) : new HttpRequestMessage(HttpMethod.Post, tokensUrl)
        {
            // Serialised up front: a streamed JSON body goes chunked, and Keystone under uwsgi reads chunked bodies as empty.
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(_request, OpenStackJsonContext.Default.TokenRequest))
            {
                Headers = { ContentType = new MediaTypeHeaderValue("application/json") },
            },
        };
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var response = await _http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        await HttpResponses.EnsureAsync(response, validateOnly ? TokenValid : TokenCreated, cancellationToken, IdentityEndpoint.ToString()).ConfigureAwait(false);

        var token = HttpResponses.Header(response, "X-Subject-Token")
            ?? throw new OpenStackException(FailureKind.RemoteFailure, IdentityEndpoint.ToString(), "failed to authenticate: Keystone answered without an X-Subject-Token header");
        var body = await response.Content.ReadFromJsonAsync(OpenStackJsonContext.Default.TokenResponse, cancellationToken).ConfigureAwait(false);
        var identity = body?.Token?.User?.Id is { Length: > 0 } userId ? new KeystoneIdentity(userId, body.Token.Project?.Id, v3Endpoint) : null;
        return new AuthToken(token, body?.Token?.ExpiresAt, body?.Token?.Catalog ?? [], null, identity);
    }

    private HttpRequestMessage ValidationRequest(Uri tokensUrl)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, tokensUrl);
        message.Headers.Add("X-Auth-Token", _entry.Auth.Token);
        message.Headers.Add("X-Subject-Token", _entry.Auth.Token);
        return message;
    }

    private async Task<Uri> DiscoverAsync(CancellationToken cancellationToken)
    {
        var endpoint = IdentityEndpoint.ToString();
        if (endpoint.EndsWith("/v3/", StringComparison.Ordinal))
        {
            return IdentityEndpoint;
        }

        if (endpoint.EndsWith("/v2.0/", StringComparison.Ordinal))
        {
            throw V2NotSupported(endpoint);
        }

        var identityBase = IdentityBase(IdentityEndpoint);
        _logger.LogDebug("Discovering identity API versions at {IdentityBase}", identityBase);
        using var message = new HttpRequestMessage(HttpMethod.Get, identityBase);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await _http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        await HttpResponses.EnsureAsync(response, DiscoveryAnswered, cancellationToken, identityBase.ToString()).ConfigureAwait(false);
        var document = await response.Content.ReadFromJsonAsync(OpenStackJsonContext.Default.VersionsDocument, cancellationToken).ConfigureAwait(false);
        return ChooseVersion(document?.Versions?.Values ?? [], identityBase);
    }

    /// <summary>Spec §3.5: a version whose self link is the configured endpoint wins; else the best current v3.</summary>
    internal Uri ChooseVersion(IReadOnlyList<VersionEntry> versions, Uri identityBase)
    {
        (Uri Endpoint, int Priority)? best = null;
        foreach (var version in versions)
        {
            var id = version.Id ?? "";
            var priority = id.Contains("v3", StringComparison.Ordinal) ? 30 : id.Contains("v2.0", StringComparison.Ordinal) ? 20 : 0;
            if (priority == 0)
            {
                continue;
            }

            var self = version.Links?.FirstOrDefault(l => l.Rel == "self")?.Href
                ?? throw new OpenStackException(FailureKind.RemoteFailure, identityBase.ToString(), $"failed to authenticate: endpoint missing in version {id} response from {identityBase}");
            var endpoint = new Uri(WithSlash(self));
            if (endpoint == IdentityEndpoint)
            {
                best = (endpoint, priority);
                break;
            }

            var status = (version.Status ?? "").ToLowerInvariant();
            if (status is "current" or "supported" or "stable" && (best is null || priority > best.Value.Priority))
            {
                best = (endpoint, priority);
            }
        }

        return best switch
        {
            null => throw new OpenStackException(FailureKind.NotSupported, identityBase.ToString(), $"failed to authenticate: no supported version available from endpoint {identityBase}"),
            { Priority: 20 } => throw V2NotSupported(best.Value.Endpoint.ToString()),
            _ => best.Value.Endpoint,
        };
    }

    /// <summary>The auth URL cut before its first version segment (<c>https://k/identity/v3</c> → <c>https://k/identity/</c>).</summary>
    internal static Uri IdentityBase(Uri authUrl)
    {
        var path = authUrl.AbsolutePath;
        var match = VersionSegment().Match(path);
        var basePath = match.Success ? path[..match.Index] : path;
        return new Uri(authUrl.GetLeftPart(UriPartial.Authority) + WithSlash(basePath));
    }

    private static string WithSlash(string url) => url.EndsWith('/') ? url : url + "/";

    private static OpenStackException V2NotSupported(string endpoint) =>
        new(FailureKind.NotSupported, endpoint, $"failed to authenticate: identity API v2.0 at {endpoint} is not supported (Keystone removed it in the Queens release); use a v3 endpoint");

    [GeneratedRegex(@"(?<=/)v[0-9.]+/?")]
    private static partial Regex VersionSegment();
}
