using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VeleroOpenShift.OpenStack;
using VeleroOpenShift.OpenStack.Auth;
using VeleroOpenShift.OpenStack.Http;

namespace VeleroOpenShift.Tests.OpenStack.Auth;

public sealed class IdentitySessionTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private sealed class CountingAuthenticator(TimeProvider time, TimeSpan lifetime) : IAuthenticator
    {
        public int Calls { get; private set; }

        public bool Fail { get; set; }

        public Uri IdentityEndpoint { get; } = new("http://k/v3/");

        public async Task<AuthToken> AuthenticateAsync(CancellationToken cancellationToken)
        {
            await Task.Yield();
            Calls++;
            return Fail
                ? throw new OpenStackException(VeleroOpenShift.Errors.FailureKind.AuthenticationFailed, null, "refused")
                : new AuthToken($"token-{Calls}", time.GetUtcNow() + lifetime, [], null);
        }
    }

    /// <summary>Answers 401 to any token but the accepted one, and records the tokens it saw.</summary>
    private sealed class TokenCheckingHandler(Func<string, bool> accepted) : HttpMessageHandler
    {
        public List<string> Seen { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var token = request.Headers.GetValues("X-Auth-Token").Single();
            lock (Seen)
            {
                Seen.Add(token);
            }

            return Task.FromResult(new HttpResponseMessage(accepted(token) ? HttpStatusCode.NoContent : HttpStatusCode.Unauthorized) { RequestMessage = request });
        }
    }

    private static OpenStackRequest Head() => new(HttpMethod.Head, new Uri("http://swift/v1/AUTH_x/c"));

    [Fact]
    public async Task Reuses_the_token_until_shortly_before_it_expires()
    {
        var authenticator = new CountingAuthenticator(_time, TimeSpan.FromHours(1));
        using var session = new IdentitySession(authenticator, allowReauth: true, _time, NullLogger.Instance);

        var first = await session.GetTokenAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(59));
        Assert.Same(first, await session.GetTokenAsync(CancellationToken.None));
        _time.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal("token-2", (await session.GetTokenAsync(CancellationToken.None)).Value);
    }

    [Fact]
    public async Task Without_reauth_an_expired_token_is_kept()
    {
        var authenticator = new CountingAuthenticator(_time, TimeSpan.FromMinutes(1));
        using var session = new IdentitySession(authenticator, allowReauth: false, _time, NullLogger.Instance);

        await session.GetTokenAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(2));

        Assert.Equal("token-1", (await session.GetTokenAsync(CancellationToken.None)).Value);
    }

    [Fact]
    public async Task A_401_reauthenticates_once_and_resends_once()
    {
        var authenticator = new CountingAuthenticator(_time, TimeSpan.FromHours(1));
        using var session = new IdentitySession(authenticator, allowReauth: true, _time, NullLogger.Instance);
        var handler = new TokenCheckingHandler(token => token == "token-2");
        using var http = new HttpClient(handler);

        using var response = await session.SendAsync(http, Head(), () => { }, CancellationToken.None);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(["token-1", "token-2"], handler.Seen);
        Assert.Equal(2, session.Authentications);
    }

    [Fact]
    public async Task A_second_401_is_returned_not_chased()
    {
        var authenticator = new CountingAuthenticator(_time, TimeSpan.FromHours(1));
        using var session = new IdentitySession(authenticator, allowReauth: true, _time, NullLogger.Instance);
        var handler = new TokenCheckingHandler(_ => false);
        using var http = new HttpClient(handler);

        using var response = await session.SendAsync(http, Head(), () => { }, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(2, handler.Seen.Count);
    }

    [Fact]
    public async Task Without_reauth_a_401_is_returned_as_is()
    {
        var authenticator = new CountingAuthenticator(_time, TimeSpan.FromHours(1));
        using var session = new IdentitySession(authenticator, allowReauth: false, _time, NullLogger.Instance);
        using var http = new HttpClient(new TokenCheckingHandler(_ => false));

        using var response = await session.SendAsync(http, Head(), () => { }, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1, authenticator.Calls);
    }

    [Fact]
    public async Task Concurrent_401s_share_one_reauthentication()
    {
        var authenticator = new CountingAuthenticator(_time, TimeSpan.FromHours(1));
        using var session = new IdentitySession(authenticator, allowReauth: true, _time, NullLogger.Instance);
        await session.GetTokenAsync(CancellationToken.None);
        using var http = new HttpClient(new TokenCheckingHandler(token => token != "token-1"));

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => session.SendAsync(http, Head(), () => { }, CancellationToken.None)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NoContent, r.StatusCode));
        Assert.Equal(2, authenticator.Calls);
    }

    [Fact]
    public async Task A_failed_reauthentication_says_so_and_keeps_the_cause()
    {
        var authenticator = new CountingAuthenticator(_time, TimeSpan.FromHours(1));
        using var session = new IdentitySession(authenticator, allowReauth: true, _time, NullLogger.Instance);
        await session.GetTokenAsync(CancellationToken.None);
        authenticator.Fail = true;
        using var http = new HttpClient(new TokenCheckingHandler(_ => false));

        var failure = await Assert.ThrowsAsync<OpenStackException>(() => session.SendAsync(http, Head(), () => { }, CancellationToken.None));

        Assert.StartsWith("Unable to re-authenticate: HEAD http://swift/v1/AUTH_x/c answered 401: refused", failure.Message, StringComparison.Ordinal);
        Assert.IsType<OpenStackException>(failure.InnerException);
    }
}
