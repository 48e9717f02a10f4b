using System.Net.Security;
using System.Reflection;
using System.Security.Cryptography.X509Certificates;
using VeleroOpenShift.Errors;

namespace VeleroOpenShift.OpenStack.Http;

/// <summary>Creates the HttpClient a plugin instance talks to OpenStack with; proxies come from the environment.</summary>
internal static class OpenStackHttpClient
{
    private static readonly string UserAgent = BuildUserAgent();

    public static HttpClient Create(TlsOptions tls)
    {
        var handler = new SocketsHttpHandler
        {
            // Catalog changes and DNS moves are picked up by new connections; long-lived pools would pin old addresses.
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            ConnectTimeout = TimeSpan.FromSeconds(30),

            // OpenStack APIs do not redirect; following Keystone's "300 Multiple Choices" would skip version discovery.
            AllowAutoRedirect = false,
            Expect100ContinueTimeout = TimeSpan.FromSeconds(2),
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = Validator(tls) },
        };
        var client = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", UserAgent);
        return client;
    }

    private static RemoteCertificateValidationCallback? Validator(TlsOptions tls)
    {
        if (tls.SkipVerify)
        {
            return (_, _, _, _) => true;
        }

        if (string.IsNullOrEmpty(tls.CaFile))
        {
            return null;
        }

        var authorities = new X509Certificate2Collection();
        try
        {
            authorities.ImportFromPemFile(tls.CaFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new OpenStackException(FailureKind.InvalidConfiguration, tls.CaFile, $"cannot read the CA bundle {tls.CaFile}: {e.Message}", e);
        }

        return (_, certificate, chain, errors) =>
        {
            if (errors == SslPolicyErrors.None)
            {
                return true;
            }

            if (certificate is null || chain is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0)
            {
                return false;
            }

            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(new X509Certificate2(certificate));
        };
    }

    // The reference sends velero-plugin-for-openstack/<version>; operators filter server logs on it (spec §3.9).
    private static string BuildUserAgent()
    {
        var version = typeof(OpenStackHttpClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var token = version.Replace('+', '@');
        return $"velero-plugin-for-openstack/{token} VeleroOpenShift/{token}";
    }
}
