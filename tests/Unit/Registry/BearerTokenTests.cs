using System.Net;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Registry;
using VeleroOpenShift.Tests.OpenStack;

namespace VeleroOpenShift.Tests.Registry;

/// <summary>The bearer-token challenge flow against a real registry with token authentication.</summary>
[Collection(RegistryServersCollection.Name)]
public sealed class BearerTokenTests(RegistryServers servers, TokenRegistry tokens) : IClassFixture<TokenRegistry>, IDisposable
{
    private readonly CapturedLogs _logs = new();
    private readonly TempDirectory _scratch = new();
    private readonly string _run = "t" + Guid.NewGuid().ToString("N")[..10];

    public void Dispose() => _scratch.Dispose();

    [SkippableFact]
    public async Task Images_go_in_and_out_of_a_token_registry_and_skopeo_reads_them_there()
    {
        var source = Push();
        var inside = $"docker://{tokens.Registry}/{_run}/app:v1";
        var before = tokens.TokensIssued;

        var pushed = await CopyAsync(source, RegistryAccess.Anonymous, inside, Access(TokenRegistry.Credential));
        var pulled = await CopyAsync(inside, Access(TokenRegistry.Credential), $"docker://{RegistryServers.Open2}/{_run}/from-token:v1", RegistryAccess.Anonymous);

        Assert.Equal(Skopeo.Digest(source), pushed.Digest);
        Assert.Equal(pushed.Digest, pulled.Digest);
        Assert.Equal(pushed.Digest, Skopeo.Digest(inside, TokenRegistry.Credential));
        Assert.True(tokens.TokensIssued > before);
        Assert.DoesNotContain(_logs.Lines, line => line.Contains(TokenRegistry.Password, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task A_token_service_that_refuses_the_credentials_fails_as_authentication_naming_the_token()
    {
        var source = Push();
        var inside = $"docker://{tokens.Registry}/{_run}/refused:v1";

        var failure = await Assert.ThrowsAsync<RegistryException>(
            () => CopyAsync(source, RegistryAccess.Anonymous, inside, Access(new NetworkCredential(TokenRegistry.UserName, "wrong"))));

        Assert.Equal(FailureKind.AuthenticationFailed, failure.Kind);
        Assert.Equal("token", failure.Field);
        Assert.Equal(inside, failure.Image);
    }

    private static RegistryAccess Access(NetworkCredential credential) => new(new StaticRegistryCredentials(credential), SkipTlsVerify: true);

    private async Task<ImageCopyResult> CopyAsync(string source, RegistryAccess sourceAccess, string destination, RegistryAccess destinationAccess)
    {
        using var copier = new ContainerImageCopier(new ImageCopyOptions { Retry = new RetryPolicy(1, TimeSpan.Zero) }, _logs, TimeProvider.System);
        return await copier.CopyAsync(
            source, sourceAccess with { SkipTlsVerify = true }, destination, destinationAccess with { SkipTlsVerify = true }, null, CancellationToken.None);
    }

    private string Push()
    {
        Skip.If(servers.Unavailable is not null, servers.Unavailable);
        Skip.If(tokens.Unavailable is not null, tokens.Unavailable);
        var layout = new OciLayout(_scratch.Sub("layout-" + Guid.NewGuid().ToString("N")));
        layout.Tag("v1", layout.AddImage(docker: false, "amd64", layers: 2, layerSize: 30_000));
        var reference = $"docker://{RegistryServers.Open1}/{_run}/app:v1";
        Skopeo.Push(layout, "v1", reference);
        return reference;
    }
}
