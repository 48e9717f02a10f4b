using VeleroOpenShift.OpenStack;
using VeleroOpenShift.OpenStack.Auth;

namespace VeleroOpenShift.Tests.OpenStack.Integration;

/// <summary>Application credentials made through real Keystone, then used the way Velero's plugin uses them.</summary>
[Collection(OpenStackServersCollection.Name)]
public sealed class ApplicationCredentialIssuerTests(OpenStackServers servers)
{
    private readonly CapturedLogs _logs = new();

    private void Require() => Skip.If(servers.Unavailable is not null, servers.Unavailable);

    [SkippableFact]
    public async Task A_new_credential_authenticates_the_object_store_and_keeps_only_the_roles_asked_for()
    {
        Require();
        var name = "velero-" + Guid.NewGuid().ToString("N")[..8];
        var expiry = DateTimeOffset.UtcNow.AddDays(1);

        var issued = await ApplicationCredentialIssuer.CreateAsync(null, Demo, new ApplicationCredentialRequest(name, "issued by a test", expiry, ["member"], false), _logs, TimeProvider.System, CancellationToken.None);

        Assert.Equal(name, issued.Name);
        Assert.Equal(["member"], issued.Roles);
        Assert.Equal(new Uri(OpenStackServers.KeystoneUrl + "/"), issued.AuthUrl);
        Assert.NotNull(issued.ProjectId);
        Assert.Equal(expiry.ToUnixTimeSeconds(), issued.ExpiresAt!.Value.ToUnixTimeSeconds());
        using var probe = await SwiftProbe.KeystoneDemoAsync();
        var container = await probe.NewContainerAsync();
        using var store = await StoreFactory.InitAsync(_logs, [("OS_AUTH_URL", issued.AuthUrl.ToString()), ("OS_APPLICATION_CREDENTIAL_ID", issued.Id), ("OS_APPLICATION_CREDENTIAL_SECRET", issued.Secret)]);
        await store.PutObjectAsync(container, "via-issued", new MemoryStream([7]), CancellationToken.None);
        Assert.Equal(["via-issued"], await store.ListObjectsAsync(container, "", CancellationToken.None));
        Assert.DoesNotContain(_logs.Lines, line => line.Contains(issued.Secret, StringComparison.Ordinal));
        Assert.DoesNotContain(issued.Secret, issued.ToString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_role_the_user_does_not_have_is_refused_with_keystones_answer()
    {
        Require();
        var failure = await Assert.ThrowsAsync<OpenStackServiceException>(() => ApplicationCredentialIssuer.CreateAsync(
            null, Demo, new ApplicationCredentialRequest("velero-" + Guid.NewGuid().ToString("N")[..8], null, null, ["admin"], false), _logs, TimeProvider.System, CancellationToken.None));
        Assert.InRange((int)failure.Status, 400, 404);
        Assert.StartsWith("application credential velero-", failure.Target, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Swift_v1_credentials_cannot_issue_one()
    {
        Require();
        var failure = await Assert.ThrowsAsync<OpenStackException>(() => ApplicationCredentialIssuer.CreateAsync(
            null, Variables(StoreFactory.Tempauth), new ApplicationCredentialRequest("x", null, null, [], false), _logs, TimeProvider.System, CancellationToken.None));
        Assert.Contains("need Keystone v3", failure.Message, StringComparison.Ordinal);
    }

    private static string? Demo(string name) => Variables(StoreFactory.KeystoneDemo)(name);

    private static Func<string, string?> Variables((string Name, string Value)[] pairs) =>
        name => pairs.FirstOrDefault(p => p.Name == name).Value;
}
