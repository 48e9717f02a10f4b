using Microsoft.Extensions.Logging;
using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenStack.Auth;
using VeleroOpenShift.OpenStack.Http;

namespace VeleroOpenShift.OpenStack.Manila;

/// <summary>Authentication (service <c>manila</c>, spec §3.1) and the shared file system client (spec §3.10).</summary>
internal static class ManilaConnector
{
    private static readonly int[] VersionsAnswered = [200, 300];

    /// <summary>The first public <c>shared-file-system</c>/<c>sharev2</c>/<c>share</c> endpoint of API v2 in <paramref name="region"/>.</summary>
    public static async Task<ManilaClient> CreateClientAsync(IdentityConnection connection, string region, TimeProvider time, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var sender = new ResilientSender(connection.Http, connection.Session, RetrySettings.Default, time, loggerFactory.CreateLogger<ResilientSender>());
        try
        {
            var token = await connection.Session.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            var endpoint = await ServiceCatalog.FindVersionedAsync(
                token.Catalog, ServiceCatalog.SharedFileSystemTypes, region, "public", 2, (url, ct) => VersionsDocumentAsync(sender, url, ct), cancellationToken).ConfigureAwait(false);
            return new ManilaClient(sender, endpoint);
        }
        catch (Exception e) when (e is VeleroOpenShiftException or HttpRequestException)
        {
            throw OpenStackException.Wrap("failed to create manila storage client", e);
        }
    }

    private static async Task<string?> VersionsDocumentAsync(ResilientSender sender, Uri url, CancellationToken cancellationToken)
    {
        using var response = await sender.SendAsync(new OpenStackRequest(HttpMethod.Get, url), cancellationToken).ConfigureAwait(false);
        return VersionsAnswered.Contains((int)response.StatusCode)
            ? await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)
            : null;
    }
}
