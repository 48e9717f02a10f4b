using System.Net;
using VeleroOpenShift.OpenStack;

namespace VeleroOpenShift.Tests.OpenStack.Integration;

/// <summary>Signed URLs fetched without a token through Swift's own tempurl middleware.</summary>
[Collection(OpenStackServersCollection.Name)]
public sealed class TempUrlTests(OpenStackServers servers)
{
    private readonly CapturedLogs _logs = new();

    private static async Task<HttpResponseMessage> FetchAsync(string url)
    {
        using var http = new HttpClient();
        return await http.GetAsync(url);
    }

    [SkippableFact]
    public async Task The_container_key_signs_with_sha1_by_default()
    {
        Skip.If(servers.Unavailable is not null, servers.Unavailable);
        using var probe = await SwiftProbe.KeystoneDemoAsync();
        var container = await probe.NewContainerAsync();
        await probe.SetMetadataAsync("/" + container, "X-Container-Meta-Temp-URL-Key", "container-key");
        await probe.PutAsync(container, "backups/b/logs.gz", [1, 2, 3]);
        using var store = await StoreFactory.InitAsync(_logs, StoreFactory.KeystoneDemo);

        var url = await store.CreateSignedUrlAsync(container, "backups/b/logs.gz", TimeSpan.FromMinutes(10), CancellationToken.None);
        using var response = await FetchAsync(url);

        Assert.Contains("backups%2Fb%2Flogs.gz?temp_url_sig=", url, StringComparison.Ordinal);
        Assert.Equal(40, url.Split("temp_url_sig=")[1].Split('&')[0].Length);
        Assert.Equal(new byte[] { 1, 2, 3 }, await response.Content.ReadAsByteArrayAsync());
    }

    [SkippableTheory]
    [InlineData("sha256")]
    [InlineData("sha512")]
    public async Task The_account_key_signs_with_the_requested_digest(string digest)
    {
        Skip.If(servers.Unavailable is not null, servers.Unavailable);
        using var probe = await SwiftProbe.KeystoneDemoAsync();
        var container = await probe.NewContainerAsync();
        await probe.SetMetadataAsync("", "X-Account-Meta-Temp-URL-Key", "account-key");
        await probe.PutAsync(container, "o", [9]);
        using var store = await StoreFactory.InitAsync(_logs, [.. StoreFactory.KeystoneDemo, ("OS_SWIFT_TEMP_URL_DIGEST", digest)]);

        using var response = await FetchAsync(await store.CreateSignedUrlAsync(container, "o", TimeSpan.FromMinutes(1), CancellationToken.None));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new byte[] { 9 }, await response.Content.ReadAsByteArrayAsync());
    }

    [SkippableFact]
    public async Task The_environment_key_is_used_without_asking_swift_and_a_wrong_one_is_refused()
    {
        Skip.If(servers.Unavailable is not null, servers.Unavailable);
        using var probe = await SwiftProbe.KeystoneDemoAsync();
        var container = await probe.NewContainerAsync();
        await probe.SetMetadataAsync("/" + container, "X-Container-Meta-Temp-URL-Key", "shared-key");
        await probe.PutAsync(container, "o", [4]);
        using var right = await StoreFactory.InitAsync(_logs, [.. StoreFactory.KeystoneDemo, ("OS_SWIFT_TEMP_URL_KEY", "shared-key")]);
        using var wrong = await StoreFactory.InitAsync(_logs, [.. StoreFactory.KeystoneDemo, ("OS_SWIFT_TEMP_URL_KEY", "other-key")]);

        using var accepted = await FetchAsync(await right.CreateSignedUrlAsync(container, "o", TimeSpan.FromMinutes(1), CancellationToken.None));
        using var refused = await FetchAsync(await wrong.CreateSignedUrlAsync(container, "o", TimeSpan.FromMinutes(1), CancellationToken.None));

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains(_logs.Lines, line => line.Contains("Successfully overrode Temp URL key by env OS_SWIFT_TEMP_URL_KEY", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Without_any_key_the_reference_error_is_reported()
    {
        Skip.If(servers.Unavailable is not null, servers.Unavailable);

        // test2's account is used by no other test, so it carries no account key.
        using var http = new HttpClient();
        using var login = new HttpRequestMessage(HttpMethod.Get, OpenStackServers.TempauthUrl);
        login.Headers.Add("X-Auth-User", "test2:tester2");
        login.Headers.Add("X-Auth-Key", "testing2");
        using var auth = await http.SendAsync(login);
        using var probe = SwiftProbe.WithToken(auth.Headers.GetValues("X-Auth-Token").Single(), auth.Headers.GetValues("X-Storage-Url").Single());
        var container = await probe.NewContainerAsync();
        using var store = await StoreFactory.InitAsync(_logs, [("OS_AUTH_URL", OpenStackServers.TempauthUrl), ("OS_USERNAME", "test2:tester2"), ("OS_PASSWORD", "testing2")]);

        var failure = await Assert.ThrowsAsync<OpenStackException>(() => store.CreateSignedUrlAsync(container, "o", TimeSpan.FromMinutes(1), CancellationToken.None));

        Assert.Equal($"failed to create temporary URL for \"o\" object in \"{container}\" container: Unable to obtain the Temp URL key.", failure.Message);
    }
}
