using System.Net;
using VeleroOpenShift.Errors;

namespace VeleroOpenShift.Registry;

/// <summary>
/// The internal registry's credentials (spec §7.5): user <c>ignored</c>, password the plugin's service-account token.
/// Divergence (RECOMMENDED): the original caches the token for the life of the process; projected tokens rotate, so
/// the token file is read again at every challenge.
/// </summary>
public sealed class ServiceAccountTokenCredentials(string tokenPath) : IRegistryCredentials
{
    public const string InClusterTokenPath = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    public async ValueTask<NetworkCredential?> GetAsync(CancellationToken cancellationToken)
    {
        string token;
        try
        {
            token = (await File.ReadAllTextAsync(tokenPath, cancellationToken).ConfigureAwait(false)).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidConfigurationException(tokenPath, "BearerToken not found, can't authenticate with registry", e);
        }

        return token.Length == 0
            ? throw new InvalidConfigurationException(tokenPath, "BearerToken not found, can't authenticate with registry")
            : new NetworkCredential("ignored", token);
    }
}
