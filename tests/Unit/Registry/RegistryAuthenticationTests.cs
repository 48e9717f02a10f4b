using System.Net;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Registry;
using VeleroOpenShift.Tests.OpenStack;

namespace VeleroOpenShift.Tests.Registry;

/// <summary>Basic authentication and certificate checks against a real TLS registry with htpasswd users.</summary>
[Collection(RegistryServersCollection.Name)]
public sealed class RegistryAuthenticationTests(RegistryServers servers) : IDisposable
{
    private readonly CapturedLogs _logs = new();
    private readonly TempDirectory _scratch = new();
    private readonly string _run = "t" + Guid.NewGuid().ToString("N")[..10];

    public void Dispose() => _scratch.Dispose();

    [SkippableFact]
    public async Task An_image_goes_to_a_TLS_registry_with_basic_credentials_and_skopeo_reads_it_there()
    {
        var source = Push();
        var destination = $"docker://{RegistryServers.Secured}/{_run}/app:v1";

        var result = await CopyAsync(source, destination, RegistryServers.Credential, skipTlsVerify: true);

        Assert.Equal(Skopeo.Digest(source), result.Digest);
        Assert.Equal(result.Digest, Skopeo.Digest(destination, RegistryServers.Credential));
        Skopeo.Pull(destination, _scratch.Sub("pulled"), RegistryServers.Credential);
        Assert.DoesNotContain(_logs.Lines, line => line.Contains(RegistryServers.Password, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task An_image_is_read_from_a_TLS_registry_with_basic_credentials()
    {
        var pushed = Push();
        var secured = $"docker://{RegistryServers.Secured}/{_run}/from-secured:v1";
        ProcessRunner.Check(
            "skopeo",
            ["copy", "--preserve-digests", "--src-tls-verify=false", "--dest-tls-verify=false", "--dest-creds", $"{RegistryServers.UserName}:{RegistryServers.Password}", pushed, secured],
            TimeSpan.FromMinutes(5));

        using var copier = new ContainerImageCopier(new ImageCopyOptions(), _logs, TimeProvider.System);
        var result = await copier.CopyAsync(
            secured, new RegistryAccess(new StaticRegistryCredentials(RegistryServers.Credential), SkipTlsVerify: true),
            $"docker://{RegistryServers.Open2}/{_run}/from-secured:v1", RegistryAccess.Anonymous with { SkipTlsVerify = true }, null, CancellationToken.None);

        Assert.Equal(Skopeo.Digest(pushed), result.Digest);
    }

    [SkippableFact]
    public async Task A_self_signed_certificate_is_refused_unless_TLS_checks_are_skipped()
    {
        var source = Push();
        var destination = $"docker://{RegistryServers.Secured}/{_run}/checked:v1";

        var failure = await Assert.ThrowsAsync<RegistryException>(() => CopyAsync(source, destination, RegistryServers.Credential, skipTlsVerify: false));

        Assert.Equal(FailureKind.RemoteFailure, failure.Kind);
        Assert.Equal(destination, failure.Image);
        Assert.Equal("registry", failure.Field);
        Assert.Contains("SSL", failure.Message, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(null)]
    [InlineData("not-the-password")]
    public async Task Missing_or_wrong_credentials_fail_as_authentication_without_showing_the_password(string? password)
    {
        var source = Push();
        var destination = $"docker://{RegistryServers.Secured}/{_run}/refused:v1";
        var credential = password is null ? null : new NetworkCredential(RegistryServers.UserName, password);

        var failure = await Assert.ThrowsAsync<RegistryException>(() => CopyAsync(source, destination, credential, skipTlsVerify: true));

        Assert.Equal(FailureKind.AuthenticationFailed, failure.Kind);
        Assert.Equal(401, failure.StatusCode);
        Assert.Equal(destination, failure.Image);
        if (password is not null)
        {
            Assert.DoesNotContain(password, failure.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(_logs.Lines, line => line.Contains(password, StringComparison.Ordinal));
        }
    }

    private async Task<ImageCopyResult> CopyAsync(string source, string destination, NetworkCredential? credential, bool skipTlsVerify)
    {
        // One attempt: the failures these tests provoke are not transient, and a retry would only wait.
        using var copier = new ContainerImageCopier(new ImageCopyOptions { Retry = new RetryPolicy(1, TimeSpan.Zero) }, _logs, TimeProvider.System);
        return await copier.CopyAsync(
            source, RegistryAccess.Anonymous with { SkipTlsVerify = true },
            destination, new RegistryAccess(new StaticRegistryCredentials(credential), skipTlsVerify), null, CancellationToken.None);
    }

    private string Push()
    {
        Skip.If(servers.Unavailable is not null, servers.Unavailable);
        var layout = new OciLayout(_scratch.Sub("layout-" + Guid.NewGuid().ToString("N")));
        layout.Tag("v1", layout.AddImage(docker: false, "amd64", layers: 2, layerSize: 30_000));
        var reference = $"docker://{RegistryServers.Open1}/{_run}/app:v1";
        Skopeo.Push(layout, "v1", reference);
        return reference;
    }
}
