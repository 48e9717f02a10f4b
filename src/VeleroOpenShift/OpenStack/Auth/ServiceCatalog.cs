using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VeleroOpenShift.Errors;

namespace VeleroOpenShift.OpenStack.Auth;

/// <summary>Endpoint selection from a token's catalog (spec §3.10).</summary>
internal static partial class ServiceCatalog
{
    /// <summary>Service types and aliases the reference accepts, with the API major version it requires.</summary>
    public static readonly IReadOnlyList<string> BlockStorageTypes = ["block-storage", "block-store", "volume", "volumev2", "volumev3"];
    public static readonly IReadOnlyList<string> SharedFileSystemTypes = ["shared-file-system", "sharev2", "share"];
    public static readonly IReadOnlyList<string> ImageTypes = ["image"];

    private const string NoEndpoint = "No suitable endpoint could be found in the service catalog.";

    /// <summary>The first matching endpoint, without a version check (Swift).</summary>
    /// <param name="types">The service type and its accepted aliases.</param>
    /// <param name="region">Requested region; "" accepts any.</param>
    /// <param name="endpointInterface">Catalog interface; the reference always asks for <c>public</c>.</param>
    public static Uri Find(IReadOnlyList<CatalogService> catalog, IReadOnlyCollection<string> types, string region, string endpointInterface) =>
        Candidates(catalog, types, region, endpointInterface).Select(c => c.Url).FirstOrDefault()
            ?? throw new OpenStackException(FailureKind.NotFound, string.Join(",", types), NoEndpoint);

    /// <summary>
    /// The first matching endpoint that serves API major version <paramref name="major"/> (Cinder 3, Manila 2, Glance 2):
    /// a type name ending in another "v&lt;digit&gt;" is skipped; otherwise the version comes from the URL's first
    /// "v&lt;digits&gt;" segment or, when it has none, from the versions document the URL serves.
    /// </summary>
    /// <param name="fetchVersions">GETs a URL and returns the body of a 200 or 300 answer; null for any other answer.</param>
    public static async Task<Uri> FindVersionedAsync(
        IReadOnlyList<CatalogService> catalog,
        IReadOnlyCollection<string> types,
        string region,
        string endpointInterface,
        int major,
        Func<Uri, CancellationToken, Task<string?>> fetchVersions,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fetchVersions);
        foreach (var (type, url) in Candidates(catalog, types, region, endpointInterface))
        {
            if (TypeVersion().Match(type) is { Success: true } typed && Digit(typed.Groups[1].Value) != major)
            {
                continue;
            }

            if (PathVersion().Match(url.AbsolutePath) is { Success: true } path)
            {
                if (Digit(path.Groups[1].Value) == major)
                {
                    return url;
                }

                continue;
            }

            if (await fetchVersions(url, cancellationToken).ConfigureAwait(false) is { } document && OffersMajor(document, major))
            {
                return url;
            }
        }

        throw new OpenStackException(FailureKind.NotFound, string.Join(",", types), NoEndpoint);
    }

    private static IEnumerable<(string Type, Uri Url)> Candidates(IReadOnlyList<CatalogService> catalog, IReadOnlyCollection<string> types, string region, string endpointInterface) =>
        catalog
            .Where(service => service.Type is not null && types.Contains(service.Type))
            .SelectMany(service => (service.Endpoints ?? []).Select(endpoint => (Type: service.Type!, Endpoint: endpoint)))
            .Where(e => e.Endpoint.Interface == endpointInterface)
            .Where(e => region.Length == 0 || e.Endpoint.Region == region || e.Endpoint.RegionId == region)
            .Where(e => !string.IsNullOrEmpty(e.Endpoint.Url))
            .Select(e => (e.Type, new Uri(e.Endpoint.Url!.EndsWith('/') ? e.Endpoint.Url : e.Endpoint.Url + "/")));

    /// <summary>Reads the shapes the reference accepts: {"versions":[…]}, {"versions":{"values":[…]}}, {"version":{…}}, {"id":…}.</summary>
    private static bool OffersMajor(string document, int major)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(document);
        }
        catch (JsonException)
        {
            return false;
        }

        var entries = root?["versions"] switch
        {
            JsonArray list => list,
            JsonObject { } wrapped when wrapped["values"] is JsonArray values => values,
            _ => root?["version"] is JsonObject one ? [one.DeepClone()] : root?["id"] is not null ? [root.DeepClone()] : new JsonArray(),
        };
        return entries.Any(entry => entry?["id"] is JsonValue id && id.TryGetValue<string>(out var text)
            && IdVersion().Match(text) is { Success: true } m && Digit(m.Groups[1].Value) == major);
    }

    private static int Digit(string text) => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"v(\d)$")]
    private static partial Regex TypeVersion();

    [GeneratedRegex(@"/v(\d+)(?:\.\d+)?(?:/|$)")]
    private static partial Regex PathVersion();

    [GeneratedRegex(@"^v(\d+)(?:\.\d+)?$")]
    private static partial Regex IdVersion();
}
