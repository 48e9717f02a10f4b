using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using VeleroOpenShift.Tests.OpenStack.Integration;

namespace VeleroOpenShift.Tests.Registry;

/// <summary>
/// Real Distribution registries on 127.0.0.1 for the copy tests, with skopeo as the peer, started once per test run
/// and shared by the test processes through <see cref="TestServerLease"/>: two open registries from
/// <c>../shared/scripts/registry-aio.sh</c>, and a third the script does not offer, started here the same way in the
/// script's directory (so the script's <c>stop</c> stops it too): TLS with a self-signed certificate and htpasswd
/// basic authentication. Under CI=true a registry that cannot start fails the tests; elsewhere they are skipped with the reason.
/// </summary>
public sealed class RegistryServers : IDisposable
{
    public const string Open1 = "127.0.0.1:5101";
    public const string Open2 = "127.0.0.1:5102";
    public const string Secured = "127.0.0.1:5103";
    public const string UserName = "velero";
    public const string Password = "registry-test-secret";

    private const int SecuredPort = 5103;
    private static readonly string AioDirectory = Environment.GetEnvironmentVariable("REGISTRY_AIO_DIR") is { Length: > 0 } dir ? dir : "/tmp/registry-aio";

    private readonly string _script;
    private readonly TestServerLease? _lease;

    public RegistryServers()
    {
        _script = Path.Combine(TestRepository.SharedScripts, "registry-aio.sh");
        var onCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        try
        {
            if (!File.Exists(_script))
            {
                throw new InvalidOperationException($"the server script is missing: expected {_script} (a clone with shared/ beside it)");
            }

            _lease = TestServerLease.Acquire("veleroopenshift-test-registries", Start, script => ProcessRunner.Run("bash", [Path.Combine(Path.GetDirectoryName(_script)!, script), "stop"], TimeSpan.FromMinutes(1)));
        }
        catch (Exception e) when (!onCi)
        {
            Unavailable = $"registries unavailable, registry tests skipped: {e.Message}";
        }
    }

    /// <summary>Why the registries cannot be used; null when they run.</summary>
    public string? Unavailable { get; }

    public static NetworkCredential Credential => new(UserName, Password);

    public void Dispose() => _lease?.Dispose();

    private List<string> Start()
    {
        var wasUp = Answers($"http://{Open1}/v2/") && Answers($"http://{Open2}/v2/") && Answers($"https://{Secured}/v2/");
        ProcessRunner.Check("bash", [TestRepository.ClosingFds, "bash", _script, "start"], TimeSpan.FromMinutes(10));
        if (!Answers($"https://{Secured}/v2/"))
        {
            StartSecured();
        }

        return wasUp ? [] : ["registry-aio.sh"];
    }

    private static void StartSecured()
    {
        var directory = Path.Combine(AioDirectory, SecuredPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(Path.Combine(directory, "data"));
        using (var key = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            File.WriteAllText(Path.Combine(directory, "cert.pem"), certificate.ExportCertificatePem());
            File.WriteAllText(Path.Combine(directory, "key.pem"), key.ExportPkcs8PrivateKeyPem());
        }

        // Distribution reads bcrypt hashes only; Debian's python3-bcrypt makes one.
        var hash = ProcessRunner.Check("/usr/bin/python3", ["-c", $"import bcrypt; print(bcrypt.hashpw(b'{Password}', bcrypt.gensalt()).decode())"], TimeSpan.FromMinutes(1)).Trim();
        File.WriteAllText(Path.Combine(directory, "htpasswd"), $"{UserName}:{hash}\n");
        File.WriteAllText(Path.Combine(directory, "config.yml"), $"""
            version: 0.1
            log:
              level: warn
            storage:
              filesystem:
                rootdirectory: {directory}/data
              delete:
                enabled: true
            http:
              addr: {Secured}
              tls:
                certificate: {directory}/cert.pem
                key: {directory}/key.pem
            auth:
              htpasswd:
                realm: velero-test
                path: {directory}/htpasswd
            """);
        ProcessRunner.Check(
            "bash",
            [TestRepository.ClosingFds, "bash", "-c", $"setsid docker-registry serve '{directory}/config.yml' >'{directory}/log' 2>&1 </dev/null & echo $! >'{directory}/pid'"],
            TimeSpan.FromMinutes(1));
        for (var i = 0; i < 100 && !Answers($"https://{Secured}/v2/"); i++)
        {
            Thread.Sleep(100);
        }

        if (!Answers($"https://{Secured}/v2/"))
        {
            throw new InvalidOperationException($"the TLS registry on {Secured} did not start: {File.ReadAllText(Path.Combine(directory, "log"))}");
        }
    }

    /// <summary>True when the registry API answers (401 counts: the secured registry asks for credentials).</summary>
    private static bool Answers(string url)
    {
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = static (_, _, _, _) => true };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = client.GetAsync(new Uri(url)).GetAwaiter().GetResult();
            return response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}

[CollectionDefinition(Name)]
public sealed class RegistryServersCollection : ICollectionFixture<RegistryServers>
{
    public const string Name = "Registry servers";
}
