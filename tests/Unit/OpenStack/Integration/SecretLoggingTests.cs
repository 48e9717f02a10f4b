using VeleroOpenShift.OpenStack;

namespace VeleroOpenShift.Tests.OpenStack.Integration;

/// <summary>A run through every credential kind, failure and re-authentication at Trace level: no secret in any log line or error.</summary>
[Collection(OpenStackServersCollection.Name)]
public sealed class SecretLoggingTests(OpenStackServers servers)
{
    [SkippableFact]
    public async Task No_password_secret_key_or_token_reaches_a_log_line_or_an_error_message()
    {
        Skip.If(servers.Unavailable is not null, servers.Unavailable);
        var logs = new CapturedLogs();
        var secrets = new List<string> { KeystoneAdmin.DemoPassword, "testing", "temp-url-secret-key" };
        var errors = new List<string>();
        using var probe = await SwiftProbe.KeystoneDemoAsync();
        var container = await probe.NewContainerAsync();
        await probe.SetMetadataAsync("/" + container, "X-Container-Meta-Temp-URL-Key", "temp-url-secret-key");

        using (var store = await StoreFactory.InitAsync(logs, [.. StoreFactory.KeystoneDemo, ("OS_SWIFT_TEMP_URL_KEY", "temp-url-secret-key")], new() { ["segmentSize"] = "1048576" }))
        {
            var first = await store.Session!.GetTokenAsync(CancellationToken.None);
            await KeystoneAdmin.RevokeAsync(first.Value);
            await store.PutObjectAsync(container, "backups/b/big", new ForwardOnlyStream(new MemoryStream(StoreFactory.RandomBytes(3 * 1024 * 1024))), CancellationToken.None);
            await store.ObjectExistsAsync(container, "missing", CancellationToken.None);
            await store.ListObjectsAsync(container, "backups/", CancellationToken.None);
            await store.CreateSignedUrlAsync(container, "backups/b/big", TimeSpan.FromMinutes(1), CancellationToken.None);
            errors.Add((await Assert.ThrowsAsync<OpenStackException>(() => store.GetObjectAsync(container, "missing", CancellationToken.None))).ToString());
            await store.DeleteObjectAsync(container, "backups/b/big", CancellationToken.None);
            secrets.Add(first.Value);
            secrets.Add((await store.Session.GetTokenAsync(CancellationToken.None)).Value);
        }

        var (token, userId, _) = await KeystoneAdmin.TokenAsync(KeystoneAdmin.DemoUser, KeystoneAdmin.DemoPassword, "demo");
        var (credentialId, credentialSecret) = await KeystoneAdmin.ApplicationCredentialAsync(token, userId);
        secrets.Add(credentialSecret);
        using (var store = await StoreFactory.InitAsync(logs, [("OS_AUTH_URL", OpenStackServers.KeystoneUrl), ("OS_APPLICATION_CREDENTIAL_ID", credentialId), ("OS_APPLICATION_CREDENTIAL_SECRET", credentialSecret)]))
        {
            secrets.Add((await store.Session!.GetTokenAsync(CancellationToken.None)).Value);
            await store.ListObjectsAsync(container, "", CancellationToken.None);
        }

        using (var store = await StoreFactory.InitAsync(logs, StoreFactory.Tempauth))
        {
            secrets.Add((await store.Session!.GetTokenAsync(CancellationToken.None)).Value);
        }

        errors.Add((await Assert.ThrowsAsync<OpenStackException>(() => StoreFactory.InitAsync(logs, [("OS_AUTH_URL", OpenStackServers.KeystoneUrl), ("OS_APPLICATION_CREDENTIAL_ID", credentialId), ("OS_APPLICATION_CREDENTIAL_SECRET", "x" + credentialSecret[1..])]))).ToString());
        errors.Add((await Assert.ThrowsAsync<OpenStackException>(() => StoreFactory.InitAsync(logs, [.. StoreFactory.KeystoneDemo[..2], ("OS_PASSWORD", "wrong-" + KeystoneAdmin.DemoPassword), .. StoreFactory.KeystoneDemo[3..]]))).ToString());

        Assert.True(logs.Lines.Count > 20, $"only {logs.Lines.Count} lines were captured");
        Assert.Contains(logs.Lines, line => line.Contains("re-authenticating once", StringComparison.Ordinal));
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(errors, error => error.Contains(secret, StringComparison.Ordinal));
        }
    }
}
