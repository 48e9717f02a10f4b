using Microsoft.Extensions.Logging;
using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenStack.Http;

namespace VeleroOpenShift.OpenStack.Auth;

/// <summary>An HttpClient with the cloud's TLS settings and the identity session that authenticates through it.</summary>
internal sealed class IdentityConnection : IDisposable
{
    private IdentityConnection(HttpClient http, IdentitySession session)
    {
        Http = http;
        Session = session;
    }

    public HttpClient Http { get; }

    public IdentitySession Session { get; }

    public static IdentityConnection Open(ResolvedCloud cloud, EnvironmentVariables environment, TimeProvider time, ILogger logger)
    {
        var http = OpenStackHttpClient.Create(Tls(cloud.Entry, environment));
        try
        {
            IAuthenticator authenticator = cloud.Version switch
            {
                IdentityVersion.SwiftV1 => new SwiftV1Authenticator(http, cloud.Entry.Auth, time),
                IdentityVersion.V3 => new KeystoneV3Authenticator(http, cloud.Entry, logger),
                _ => throw new OpenStackException(FailureKind.NotSupported, cloud.Entry.Auth.AuthUrl, "failed to build auth options: identity API v2.0 is not supported (Keystone removed it in the Queens release); use v3"),
            };
            return new IdentityConnection(http, new IdentitySession(authenticator, cloud.Entry.Auth.AllowReauth, time, logger));
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Resolves the credentials of <paramref name="service"/> (spec §3.1), opens a connection and takes a first token;
    /// a failure is reported under <paramref name="failureContext"/>, the reference's wording for that plugin.
    /// </summary>
    public static async Task<IdentityConnection> AuthenticateAsync(
        string service, string? cloud, EnvironmentVariables environment, CloudConfigFiles cloudFiles, TimeProvider time, ILoggerFactory loggerFactory, string failureContext, CancellationToken cancellationToken)
    {
        IdentityConnection? connection = null;
        try
        {
            var resolved = new CredentialResolver(environment, cloudFiles, loggerFactory.CreateLogger<CredentialResolver>()).Resolve(service, cloud);
            connection = Open(resolved, environment, time, loggerFactory.CreateLogger<IdentitySession>());
            await connection.Session.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (Exception e) when (e is VeleroOpenShiftException or HttpRequestException)
        {
            connection?.Dispose();
            throw OpenStackException.Wrap(failureContext, e);
        }
    }

    public void Dispose()
    {
        Session.Dispose();
        Http.Dispose();
    }

    private static TlsOptions Tls(CloudEntry entry, EnvironmentVariables environment)
    {
        var skip = false;
        if (environment.NonEmpty("TLS_SKIP_VERIFY") is { } text && !GoSyntax.TryParseBool(text, out skip))
        {
            throw new OpenStackException(FailureKind.InvalidConfiguration, "TLS_SKIP_VERIFY", $"cannot parse boolean from TLS_SKIP_VERIFY environment variable: strconv.ParseBool: parsing \"{text}\": invalid syntax");
        }

        return new TlsOptions(skip || entry.Verify == false, environment.NonEmpty("OS_CACERT") ?? (entry.CaCertFile.Length > 0 ? entry.CaCertFile : null));
    }
}
