using Microsoft.Extensions.Time.Testing;

namespace VeleroOpenShift.Tests.OpenStack.Integration;

/// <summary>Keystone v3 against the real server: clouds.yaml with discovery, application credentials, several clouds, re-authentication.</summary>
[Collection(OpenStackServersCollection.Name)]
public sealed class KeystoneAuthTests(OpenStackServers servers) : IDisposable
{
    private readonly CapturedLogs _logs = new();
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private void Require() => Skip.If(servers.Unavailable is not null, servers.Unavailable);

    [SkippableFact]
    public async Task Password_from_clouds_yaml_with_version_discovery()
    {
        Require();
        // An unversioned auth URL makes the client discover v3 from Keystone's version document.
        _dir.Write("clouds.yaml", """
            clouds:
              demo:
                auth:
                  auth_url: http://127.0.0.1:5000
                  username: demo
                  password: demopass
                  project_name: demo
                  user_domain_name: Default
                  project_domain_id: default
            """);
        using var probe = await SwiftProbe.KeystoneDemoAsync();
        var container = await probe.NewContainerAsync();

        using var store = await StoreFactory.InitAsync(_logs, [], new() { ["cloud"] = "demo" }, _dir.Path);
        await store.PutObjectAsync(container, "k", new MemoryStream([42]), CancellationToken.None);

        Assert.Equal(new byte[] { 42 }, await probe.GetAsync(container, "k"));
        Assert.Contains(_logs.Lines, line => line.Contains("Discovering identity API versions at http://127.0.0.1:5000/", StringComparison.Ordinal));
        Assert.Contains(_logs.Lines, line => line.Contains("Authentication against identity endpoint http://127.0.0.1:5000/ was successful", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Application_credential_from_the_environment()
    {
        Require();
        var (token, userId, _) = await KeystoneAdmin.TokenAsync(KeystoneAdmin.DemoUser, KeystoneAdmin.DemoPassword, "demo");
        var (id, secret) = await KeystoneAdmin.ApplicationCredentialAsync(token, userId);
        using var probe = await SwiftProbe.KeystoneDemoAsync();
        var container = await probe.NewContainerAsync();

        using var store = await StoreFactory.InitAsync(_logs, [("OS_AUTH_URL", OpenStackServers.KeystoneUrl), ("OS_APPLICATION_CREDENTIAL_ID", id), ("OS_APPLICATION_CREDENTIAL_SECRET", secret)]);
        await store.PutObjectAsync(container, "via-app-cred", new MemoryStream([1]), CancellationToken.None);

        Assert.Equal(["via-app-cred"], await store.ListObjectsAsync(container, "", CancellationToken.None));
    }

    [SkippableFact]
    public async Task Swift_only_variables_authenticate_the_object_store()
    {
        Require();
        using var probe = await SwiftProbe.KeystoneDemoAsync();
        var container = await probe.NewContainerAsync();

        using var store = await StoreFactory.InitAsync(_logs, [
            ("OS_SWIFT_AUTH_URL", OpenStackServers.KeystoneUrl), ("OS_SWIFT_USERNAME", "demo"), ("OS_SWIFT_PASSWORD", "demopass"),
            ("OS_SWIFT_PROJECT_NAME", "demo"), ("OS_SWIFT_USER_DOMAIN_NAME", "Default"), ("OS_SWIFT_PROJECT_DOMAIN_NAME", "Default"),
            ("OS_USERNAME", "admin"), ("OS_PASSWORD", "wrong")]);
        await store.PutObjectAsync(container, "swift-only", new MemoryStream([1]), CancellationToken.None);

        Assert.Equal(new byte[] { 1 }, await probe.GetAsync(container, "swift-only"));
    }

    [SkippableFact]
    public async Task Two_clouds_side_by_side_each_write_to_their_own_account()
    {
        Require();
        _dir.Write("clouds.yaml", """
            clouds:
              demo:
                auth: {auth_url: "http://127.0.0.1:5000/v3", username: demo, password: demopass, project_name: demo, domain_name: Default}
              admin:
                auth: {auth_url: "http://127.0.0.1:5000/v3", username: admin, password: admin, project_name: admin, domain_name: Default}
            """);
        using var demoProbe = await SwiftProbe.KeystoneDemoAsync();
        var (adminToken, _, adminUrl) = await KeystoneAdmin.TokenAsync("admin", "admin", "admin");
        using var adminProbe = SwiftProbe.WithToken(adminToken, adminUrl);
        var demoContainer = await demoProbe.NewContainerAsync();
        var adminContainer = await adminProbe.NewContainerAsync();

        using var demo = await StoreFactory.InitAsync(_logs, [], new() { ["cloud"] = "demo" }, _dir.Path);
        using var admin = await StoreFactory.InitAsync(_logs, [], new() { ["cloud"] = "admin" }, _dir.Path);
        await Task.WhenAll(
            demo.PutObjectAsync(demoContainer, "who", new MemoryStream("demo"u8.ToArray()), CancellationToken.None),
            admin.PutObjectAsync(adminContainer, "who", new MemoryStream("admin"u8.ToArray()), CancellationToken.None));

        Assert.Equal("demo"u8.ToArray(), await demoProbe.GetAsync(demoContainer, "who"));
        Assert.Equal("admin"u8.ToArray(), await adminProbe.GetAsync(adminContainer, "who"));
        Assert.NotEqual(demoProbe.AccountUrl, adminProbe.AccountUrl);
    }

    [SkippableFact]
    public async Task A_token_revoked_mid_run_is_replaced_by_one_reauthentication()
    {
        Require();
        using var probe = await SwiftProbe.KeystoneDemoAsync();
        var container = await probe.NewContainerAsync();
        using var store = await StoreFactory.InitAsync(_logs, StoreFactory.KeystoneDemo);
        var session = store.Session!;
        var first = await session.GetTokenAsync(CancellationToken.None);

        // Revoked before Swift ever saw it, so Swift's token cache cannot hide the revocation.
        await KeystoneAdmin.RevokeAsync(first.Value);
        await store.PutObjectAsync(container, "after-revocation", new MemoryStream([5]), CancellationToken.None);

        Assert.Equal(2, session.Authentications);
        Assert.NotEqual(first.Value, (await session.GetTokenAsync(CancellationToken.None)).Value);
        Assert.Equal(new byte[] { 5 }, await probe.GetAsync(container, "after-revocation"));
        Assert.Contains(_logs.Lines, line => line.Contains("was refused with 401; re-authenticating once", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task A_token_near_its_expiry_is_renewed_before_use()
    {
        Require();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var probe = await SwiftProbe.KeystoneDemoAsync();
        var container = await probe.NewContainerAsync();
        using var store = await StoreFactory.InitAsync(_logs, StoreFactory.KeystoneDemo, time: time);
        var first = await store.Session!.GetTokenAsync(CancellationToken.None);

        await store.PutObjectAsync(container, "before", new MemoryStream([1]), CancellationToken.None);
        time.SetUtcNow(first.ExpiresAt!.Value - TimeSpan.FromSeconds(10));
        await store.PutObjectAsync(container, "after", new MemoryStream([2]), CancellationToken.None);

        Assert.Equal(2, store.Session.Authentications);
        Assert.Equal(new byte[] { 2 }, await probe.GetAsync(container, "after"));
    }

    [SkippableFact]
    public async Task Init_without_a_cloud_key_reuses_the_session_and_with_one_authenticates_anew()
    {
        Require();
        _dir.Write("clouds.yaml", """
            clouds:
              demo:
                auth: {auth_url: "http://127.0.0.1:5000/v3", username: demo, password: demopass, project_name: demo, domain_name: Default}
            """);
        using var store = await StoreFactory.InitAsync(_logs, [], new() { ["cloud"] = "demo" }, _dir.Path);
        var session = store.Session;

        await store.InitAsync(new Dictionary<string, string> { ["region"] = "RegionOne" }, CancellationToken.None);
        Assert.Same(session, store.Session);
        Assert.Equal(1, session!.Authentications);

        await store.InitAsync(new Dictionary<string, string> { ["cloud"] = "demo" }, CancellationToken.None);
        Assert.NotSame(session, store.Session);
        Assert.Equal(1, store.Session!.Authentications);
    }
}
