using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;

namespace VeleroOpenShift.Tests.Registry;

/// <summary>
/// A real Distribution registry with token authentication, and the token service it trusts, served by this test
/// process (Distribution has none of its own): the service checks basic credentials and issues RS256 JWTs carrying
/// the requested repository actions, with its certificate in the <c>x5c</c> header that the registry verifies against
/// its root bundle. One registry per test process, since it trusts this process's signing key; stopped by its process id.
/// </summary>
public sealed class TokenRegistry : IDisposable
{
    public const string UserName = "token-user";
    public const string Password = "token-test-secret";
    private const string Service = "velero-test-registry";
    private const string Issuer = "velero-test-token-service";

    private readonly HttpListener _listener = new();
    private readonly RSA _key = RSA.Create(2048);
    private readonly X509Certificate2? _certificate;
    private readonly Process? _registry;
    private readonly string _directory = Directory.CreateTempSubdirectory("vos-token-registry-").FullName;
    private int _tokensIssued;

    public TokenRegistry()
    {
        try
        {
            var request = new CertificateRequest("CN=" + Issuer, _key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            _certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            File.WriteAllText(Path.Combine(_directory, "token.pem"), _certificate.ExportCertificatePem());
            var tokenPort = FreePort();
            _listener.Prefixes.Add($"http://127.0.0.1:{tokenPort}/");
            _listener.Start();
            _ = Task.Run(ServeAsync);

            var registryPort = FreePort();
            Registry = $"127.0.0.1:{registryPort}";
            File.WriteAllText(Path.Combine(_directory, "config.yml"), $"""
                version: 0.1
                log:
                  level: warn
                storage:
                  filesystem:
                    rootdirectory: {_directory}/data
                http:
                  addr: {Registry}
                auth:
                  token:
                    realm: http://127.0.0.1:{tokenPort}/token
                    service: {Service}
                    issuer: {Issuer}
                    rootcertbundle: {_directory}/token.pem
                """);
            _registry = Process.Start(new ProcessStartInfo("bash", [TestRepository.ClosingFds, "docker-registry", "serve", Path.Combine(_directory, "config.yml")])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            }) ?? throw new InvalidOperationException("docker-registry did not start");
            _registry.OutputDataReceived += (_, _) => { };
            _registry.ErrorDataReceived += (_, _) => { };
            _registry.BeginOutputReadLine();
            _registry.BeginErrorReadLine();
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            for (var i = 0; i < 100 && !Answers(client); i++)
            {
                Thread.Sleep(100);
            }

            if (!Answers(client))
            {
                throw new InvalidOperationException($"the token registry on {Registry} did not answer");
            }
        }
        catch (Exception e) when (!string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Unavailable = $"token registry unavailable, bearer tests skipped: {e.Message}";
        }
    }

    public string Registry { get; } = string.Empty;

    public string? Unavailable { get; }

    public static NetworkCredential Credential => new(UserName, Password);

    /// <summary>Tokens the service has issued so far.</summary>
    public int TokensIssued => Volatile.Read(ref _tokensIssued);

    public void Dispose()
    {
        if (_registry is { HasExited: false })
        {
            _registry.Kill();
            _registry.WaitForExit(TimeSpan.FromSeconds(10));
        }

        _registry?.Dispose();
        _listener.Close();
        _certificate?.Dispose();
        _key.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private bool Answers(HttpClient client)
    {
        try
        {
            using var response = client.GetAsync(new Uri($"http://{Registry}/v2/")).GetAwaiter().GetResult();
            return response.StatusCode == HttpStatusCode.Unauthorized;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var response = context.Response;
            var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{UserName}:{Password}"));
            if (context.Request.Headers["Authorization"] != expected)
            {
                response.StatusCode = 401;
                continue;
            }

            var scopes = context.Request.QueryString.GetValues("scope") ?? [];
            var token = Sign(scopes);
            Interlocked.Increment(ref _tokensIssued);
            var body = Encoding.UTF8.GetBytes(new JsonObject { ["token"] = token, ["expires_in"] = 300 }.ToJsonString());
            response.ContentType = "application/json";
            await response.OutputStream.WriteAsync(body);
        }
    }

    /// <summary>A JWT granting every action asked for in <c>repository:name:actions</c> scopes.</summary>
    private string Sign(string[] scopes)
    {
        var access = new JsonArray();
        foreach (var scope in scopes.SelectMany(s => s.Split(' ')))
        {
            var parts = scope.Split(':');
            if (parts.Length == 3)
            {
                access.Add(new JsonObject { ["type"] = parts[0], ["name"] = parts[1], ["actions"] = new JsonArray([.. parts[2].Split(',').Select(a => (JsonNode)a)]) });
            }
        }

        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = new JsonObject { ["typ"] = "JWT", ["alg"] = "RS256", ["x5c"] = new JsonArray(Convert.ToBase64String(_certificate!.RawData)) };
        var claims = new JsonObject
        {
            ["iss"] = Issuer, ["sub"] = UserName, ["aud"] = Service, ["exp"] = now + 300, ["nbf"] = now - 10, ["iat"] = now,
            ["jti"] = Guid.NewGuid().ToString("N"), ["access"] = access,
        };
        var signed = Base64Url(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + Base64Url(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        return signed + "." + Base64Url(_key.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
