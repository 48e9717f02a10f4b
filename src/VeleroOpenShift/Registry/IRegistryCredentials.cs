using System.Net;

namespace VeleroOpenShift.Registry;

/// <summary>
/// The user name and password presented to one registry (as basic authentication, or to its token service), asked
/// for each time a registry challenges, so credentials that rotate are read fresh. Null means anonymous.
/// </summary>
public interface IRegistryCredentials
{
    ValueTask<NetworkCredential?> GetAsync(CancellationToken cancellationToken);
}

/// <summary>Fixed credentials, or none.</summary>
public sealed class StaticRegistryCredentials(NetworkCredential? credential) : IRegistryCredentials
{
    public static StaticRegistryCredentials Anonymous { get; } = new(null);

    public ValueTask<NetworkCredential?> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(credential);
}
