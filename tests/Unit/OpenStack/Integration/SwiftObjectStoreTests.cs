using System.Net;
using System.Text;
using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenStack;
using VeleroOpenShift.OpenStack.Swift;

namespace VeleroOpenShift.Tests.OpenStack.Integration;

/// <summary>Every ObjectStore method against real Swift. Keystone tokens by default: Swift caches their validation.</summary>
[Collection(OpenStackServersCollection.Name)]
public sealed class SwiftObjectStoreTests(OpenStackServers servers)
{
    private readonly CapturedLogs _logs = new();

    private async Task<(SwiftObjectStore Store, SwiftProbe Probe, string Container)> ArrangeAsync()
    {
        Skip.If(servers.Unavailable is not null, servers.Unavailable);
        var probe = await SwiftProbe.KeystoneDemoAsync();
        return (await StoreFactory.InitAsync(_logs, StoreFactory.KeystoneDemo), probe, await probe.NewContainerAsync());
    }

    [SkippableFact]
    public async Task Put_exists_get_and_delete_round_trip()
    {
        var (store, probe, container) = await ArrangeAsync();
        using var _ = store;
        var content = Encoding.UTF8.GetBytes("""{"kind":"Backup"}""");

        await store.PutObjectAsync(container, "backups/b1/velero-backup.json", new ForwardOnlyStream(new MemoryStream(content)), CancellationToken.None);

        Assert.True(await store.ObjectExistsAsync(container, "backups/b1/velero-backup.json", CancellationToken.None));
        Assert.Equal(content, await StoreFactory.ReadAllAsync(await store.GetObjectAsync(container, "backups/b1/velero-backup.json", CancellationToken.None)));
        Assert.Equal(content, await probe.GetAsync(container, "backups/b1/velero-backup.json"));

        await store.DeleteObjectAsync(container, "backups/b1/velero-backup.json", CancellationToken.None);
        Assert.False(await store.ObjectExistsAsync(container, "backups/b1/velero-backup.json", CancellationToken.None));
        await store.DeleteObjectAsync(container, "backups/b1/velero-backup.json", CancellationToken.None);
        Assert.Contains(_logs.Lines, line => line.Contains("object is already deleted", StringComparison.Ordinal));
        Assert.Contains(_logs.Lines, line => line.Contains("Object doesn't yet exist in container", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Tempauth_serves_every_method()
    {
        Skip.If(servers.Unavailable is not null, servers.Unavailable);
        using var probe = await SwiftProbe.TempauthAsync();
        var container = await probe.NewContainerAsync();
        using var store = await StoreFactory.InitAsync(_logs, StoreFactory.Tempauth);

        await store.PutObjectAsync(container, "backups/b/file", new MemoryStream([1, 2, 3]), CancellationToken.None);

        Assert.Equal(new byte[] { 1, 2, 3 }, await probe.GetAsync(container, "backups/b/file"));
        Assert.True(await store.ObjectExistsAsync(container, "backups/b/file", CancellationToken.None));
        Assert.Equal(new byte[] { 1, 2, 3 }, await StoreFactory.ReadAllAsync(await store.GetObjectAsync(container, "backups/b/file", CancellationToken.None)));
        Assert.Equal(["backups/b/"], await store.ListCommonPrefixesAsync(container, "backups/", "/", CancellationToken.None));
        Assert.Equal(["backups/b/file"], await store.ListObjectsAsync(container, "backups/b/", CancellationToken.None));
        await store.DeleteObjectAsync(container, "backups/b/file", CancellationToken.None);
        Assert.Equal(HttpStatusCode.NotFound, await probe.HeadAsync(container, "backups/b/file"));
    }

    [SkippableFact]
    public async Task Getting_a_missing_object_fails_with_not_found_and_the_reference_wording()
    {
        var (store, _, container) = await ArrangeAsync();
        using var _ = store;

        var failure = await Assert.ThrowsAsync<OpenStackException>(() => store.GetObjectAsync(container, "nothing", CancellationToken.None));

        Assert.StartsWith($"failed to download contents of \"nothing\" object from \"{container}\" container: Expected HTTP response code [200 206 304] when accessing [GET ", failure.Message, StringComparison.Ordinal);
        Assert.Equal(FailureKind.NotFound, failure.Kind);
        var inner = Assert.IsType<OpenStackServiceException>(failure.InnerException);
        Assert.Equal(HttpStatusCode.NotFound, inner.Status);
        Assert.NotNull(inner.RequestId);
    }

    [SkippableFact]
    public async Task Listing_is_one_level_deep_and_includes_objects_beside_prefixes()
    {
        var (store, probe, container) = await ArrangeAsync();
        using var _ = store;
        foreach (var key in new[] { "backups/a/x.json", "backups/b/y.json", "backups/top.json", "restores/r/z.json" })
        {
            await probe.PutAsync(container, key, [1]);
        }

        Assert.Equal(["backups/a/", "backups/b/", "backups/top.json"], await store.ListCommonPrefixesAsync(container, "backups/", "/", CancellationToken.None));
        Assert.Equal(["backups/", "restores/"], await store.ListCommonPrefixesAsync(container, "", "/", CancellationToken.None));
        Assert.Equal(["backups/a/x.json"], await store.ListObjectsAsync(container, "backups/a/", CancellationToken.None));
        Assert.Equal(["backups/a/x.json", "backups/b/y.json", "backups/top.json"], await store.ListCommonPrefixesAsync(container, "backups/", "", CancellationToken.None));
        Assert.Empty(await store.ListObjectsAsync(container, "nothing/", CancellationToken.None));
    }

    [SkippableFact]
    public async Task Names_with_reserved_and_non_ascii_characters_survive()
    {
        var (store, probe, container) = await ArrangeAsync();
        using var _ = store;
        const string key = "backups/spaced name/100% ü?#&+=.json";

        await store.PutObjectAsync(container, key, new MemoryStream([7, 8, 9]), CancellationToken.None);

        Assert.Equal(new byte[] { 7, 8, 9 }, await probe.GetAsync(container, key));
        Assert.Equal([key], await store.ListObjectsAsync(container, "backups/spaced name/", CancellationToken.None));
        Assert.True(await store.ObjectExistsAsync(container, key, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Seekable_empty_and_overwritten_objects()
    {
        var (store, probe, container) = await ArrangeAsync();
        using var _ = store;
        var first = StoreFactory.RandomBytes(300_000);
        var second = StoreFactory.RandomBytes(5_000_000);
        var seekable = new MemoryStream(new byte[10].Concat(first).ToArray()) { Position = 10 };

        await store.PutObjectAsync(container, "empty", new MemoryStream(), CancellationToken.None);
        await store.PutObjectAsync(container, "o", seekable, CancellationToken.None);
        Assert.Equal(first, await probe.GetAsync(container, "o"));
        await store.PutObjectAsync(container, "o", new ForwardOnlyStream(new MemoryStream(second)), CancellationToken.None);

        Assert.Empty(await probe.GetAsync(container, "empty"));
        Assert.Equal(second, await StoreFactory.ReadAllAsync(await store.GetObjectAsync(container, "o", CancellationToken.None)));
    }

    [SkippableFact]
    public async Task Bad_credentials_fail_init_as_authentication_failures()
    {
        Skip.If(servers.Unavailable is not null, servers.Unavailable);

        var failure = await Assert.ThrowsAsync<OpenStackException>(() => StoreFactory.InitAsync(_logs, [("OS_AUTH_URL", OpenStackServers.TempauthUrl), ("OS_USERNAME", "test:tester"), ("OS_PASSWORD", "wrong")]));

        Assert.StartsWith("failed to authenticate against OpenStack in object storage plugin: Expected HTTP response code [200 204] when accessing [GET http://127.0.0.1:8080/auth/v1.0], but got 401", failure.Message, StringComparison.Ordinal);
        Assert.Equal(FailureKind.AuthenticationFailed, failure.Kind);
    }
}
