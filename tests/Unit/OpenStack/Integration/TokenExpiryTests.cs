using Microsoft.Extensions.Time.Testing;

namespace VeleroOpenShift.Tests.OpenStack.Integration;

/// <summary>Runs longer than a token lives, against a Keystone whose tokens last 45 seconds.</summary>
[Collection(OpenStackServersCollection.Name)]
public sealed class TokenExpiryTests(OpenStackServers servers)
{
    private readonly CapturedLogs _logs = new();

    private static readonly (string, string)[] DemoOnShortLivedKeystone =
    [
        ("OS_AUTH_URL", ShortLivedKeystone.Url), ("OS_USERNAME", KeystoneAdmin.DemoUser), ("OS_PASSWORD", KeystoneAdmin.DemoPassword),
        ("OS_PROJECT_NAME", "demo"), ("OS_USER_DOMAIN_NAME", "Default"), ("OS_PROJECT_DOMAIN_ID", "default"),
    ];

    [SkippableFact]
    public async Task A_run_outliving_its_token_renews_it_and_loses_no_write()
    {
        Skip.If(servers.Unavailable is not null, servers.Unavailable);
        using var keystone = await ShortLivedKeystone.StartAsync();
        using var probe = await SwiftProbe.KeystoneDemoAsync();
        var container = await probe.NewContainerAsync();
        using var store = await StoreFactory.InitAsync(_logs, DemoOnShortLivedKeystone);
        var first = await store.Session!.GetTokenAsync(CancellationToken.None);
        Assert.InRange(first.ExpiresAt!.Value - DateTimeOffset.UtcNow, TimeSpan.Zero, ShortLivedKeystone.TokenLifetime);

        // One write a second until the first token has expired for good: the session must renew on its own.
        var written = new List<string>();
        while (DateTimeOffset.UtcNow < first.ExpiresAt.Value + TimeSpan.FromSeconds(3))
        {
            var key = $"run/{written.Count:D3}";
            await store.PutObjectAsync(container, key, new MemoryStream([(byte)written.Count]), CancellationToken.None);
            written.Add(key);
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        Assert.True(store.Session.Authentications >= 2, $"{store.Session.Authentications} authentication(s) for a run past the token's expiry");
        Assert.Equal(written, (await store.ListObjectsAsync(container, "run/", CancellationToken.None)).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task A_token_that_expired_while_the_client_thought_it_fresh_is_replaced_after_swifts_401()
    {
        Skip.If(servers.Unavailable is not null, servers.Unavailable);
        using var keystone = await ShortLivedKeystone.StartAsync();
        // The client's clock stands still, so it keeps using its token after the servers consider it expired.
        var frozen = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var probe = await SwiftProbe.KeystoneDemoAsync();
        var container = await probe.NewContainerAsync();
        using var store = await StoreFactory.InitAsync(_logs, DemoOnShortLivedKeystone, time: frozen);
        var first = await store.Session!.GetTokenAsync(CancellationToken.None);
        await store.PutObjectAsync(container, "before-expiry", new MemoryStream([1]), CancellationToken.None);

        await Task.Delay(first.ExpiresAt!.Value - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(2));
        await store.PutObjectAsync(container, "after-expiry", new MemoryStream([2]), CancellationToken.None);

        Assert.Equal(2, store.Session.Authentications);
        Assert.Equal(new byte[] { 2 }, await probe.GetAsync(container, "after-expiry"));
        Assert.Contains(_logs.Lines, line => line.Contains("was refused with 401; re-authenticating once", StringComparison.Ordinal));
    }
}
