using VeleroOpenShift.Errors;

namespace VeleroOpenShift.OpenStack.Auth;

/// <summary>Endpoint selection from a token's catalog (spec §3.10), for services that need no version check.</summary>
internal static class ServiceCatalog
{
    /// <param name="types">The service type and its accepted aliases.</param>
    /// <param name="region">Requested region; "" accepts any.</param>
    /// <param name="endpointInterface">Catalog interface; the reference always asks for <c>public</c>.</param>
    public static Uri Find(IReadOnlyList<CatalogService> catalog, IReadOnlyCollection<string> types, string region, string endpointInterface)
    {
        var url = catalog
            .Where(service => service.Type is not null && types.Contains(service.Type))
            .SelectMany(service => service.Endpoints ?? [])
            .Where(endpoint => endpoint.Interface == endpointInterface)
            .Where(endpoint => region.Length == 0 || endpoint.Region == region || endpoint.RegionId == region)
            .Select(endpoint => endpoint.Url)
            .FirstOrDefault(u => !string.IsNullOrEmpty(u));

        return url is null
            ? throw new OpenStackException(FailureKind.NotFound, string.Join(",", types), "No suitable endpoint could be found in the service catalog.")
            : new Uri(url.EndsWith('/') ? url : url + "/");
    }
}
