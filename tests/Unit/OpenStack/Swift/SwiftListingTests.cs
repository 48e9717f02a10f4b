using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using VeleroOpenShift.OpenStack.Auth;
using VeleroOpenShift.OpenStack.Http;
using VeleroOpenShift.OpenStack.Swift;

namespace VeleroOpenShift.Tests.OpenStack.Swift;

/// <summary>Listing pagination (spec §4.4) against scripted pages, so page boundaries can be placed at will.</summary>
public sealed class SwiftListingTests
{
    private sealed class FixedToken : IAuthenticator
    {
        public Uri IdentityEndpoint { get; } = new("http://k/v3/");

        public Task<AuthToken> AuthenticateAsync(CancellationToken cancellationToken) => Task.FromResult(new AuthToken("t", null, [], null));
    }

    private sealed class ScriptedPages(Queue<(HttpStatusCode Status, string MediaType, string Body)> pages) : HttpMessageHandler
    {
        public List<string> Queries { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Queries.Add(request.RequestUri!.Query);
            var (status, mediaType, body) = pages.Dequeue();
            return Task.FromResult(new HttpResponseMessage(status) { RequestMessage = request, Content = new StringContent(body, Encoding.UTF8, mediaType) });
        }
    }

    private static async Task<(List<SwiftListingEntry> Entries, List<string> Queries)> ListAsync(string prefix, string delimiter, params (HttpStatusCode, string, string)[] pages)
    {
        var handler = new ScriptedPages(new Queue<(HttpStatusCode, string, string)>(pages));
        using var http = new HttpClient(handler);
        using var session = new IdentitySession(new FixedToken(), false, TimeProvider.System, NullLogger.Instance);
        var client = new SwiftClient(new ResilientSender(http, session, RetrySettings.Default, TimeProvider.System, NullLogger.Instance), new Uri("http://swift/v1/AUTH_a/"));
        var entries = new List<SwiftListingEntry>();
        await foreach (var entry in client.ListAsync("c", prefix, delimiter, CancellationToken.None))
        {
            entries.Add(entry);
        }

        return (entries, handler.Queries);
    }

    [Fact]
    public async Task Pages_follow_the_last_name_or_subdir_until_an_empty_page()
    {
        var (entries, queries) = await ListAsync("backups/", "/",
            (HttpStatusCode.OK, "application/json", """[{"name":"backups/a.json","bytes":1},{"subdir":"backups/b/"}]"""),
            (HttpStatusCode.OK, "application/json", """[{"name":"backups/c.json"}]"""),
            (HttpStatusCode.OK, "application/json", "[]"));

        Assert.Equal(["backups/a.json", "backups/b/", "backups/c.json"], entries.Select(e => e.Subdir ?? e.Name));
        Assert.Equal(
            ["?delimiter=%2F&prefix=backups%2F", "?delimiter=%2F&marker=backups%2Fb%2F&prefix=backups%2F", "?delimiter=%2F&marker=backups%2Fc.json&prefix=backups%2F"],
            queries);
    }

    [Fact]
    public async Task No_content_plain_text_and_html_pages_are_read_as_the_reference_reads_them()
    {
        var (plain, plainQueries) = await ListAsync("", "", (HttpStatusCode.OK, "text/plain", "one\ntwo\n"), (HttpStatusCode.NoContent, "text/plain", ""));
        var (html, _) = await ListAsync("", "", (HttpStatusCode.OK, "text/html", "<html>listing</html>"));

        Assert.Equal(["one", "two"], plain.Select(e => e.Name));
        Assert.Equal(["", "?marker=two"], plainQueries);
        Assert.Empty(html);
    }
}
