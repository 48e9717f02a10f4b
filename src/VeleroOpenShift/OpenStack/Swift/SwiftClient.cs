using System.Net;
using System.Net.Http.Json;
using VeleroOpenShift.OpenStack.Http;

namespace VeleroOpenShift.OpenStack.Swift;

/// <summary>The Swift API calls the object store makes, against one account URL. Status checks stay with the callers.</summary>
internal sealed class SwiftClient
{
    private readonly ResilientSender _sender;

    public SwiftClient(ResilientSender sender, Uri accountUrl)
    {
        _sender = sender;
        AccountUrl = accountUrl;
    }

    /// <summary>The account URL with a trailing slash (<c>…/v1/AUTH_x/</c>).</summary>
    public Uri AccountUrl { get; }

    public Uri ContainerUrl(string container) => new(AccountUrl, SwiftNames.EncodeSegment(container));

    public Uri ObjectUrl(string container, string objectName, string? query = null) =>
        new(AccountUrl, SwiftNames.EncodeSegment(container) + "/" + SwiftNames.EncodeSegment(objectName) + (query is null ? "" : "?" + query));

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri url, CancellationToken cancellationToken, RequestBody? body = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        var request = new OpenStackRequest(method, url, body);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers[name] = value;
        }

        return _sender.SendAsync(request, cancellationToken);
    }

    /// <summary>All pages of a JSON listing (spec §4.4): marker = last name (or subdir), until an empty page.</summary>
    public async IAsyncEnumerable<SwiftListingEntry> ListAsync(string container, string prefix, string delimiter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? marker = null;
        while (true)
        {
            var url = new Uri(ContainerUrl(container) + ListingQuery(prefix, delimiter, marker));
            using var response = await SendAsync(HttpMethod.Get, url, cancellationToken, headers: JsonBody).ConfigureAwait(false);
            await HttpResponses.EnsureAsync(response, ListingAccepted, cancellationToken, container).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NoContent)
            {
                yield break;
            }

            var page = await ReadPageAsync(response, cancellationToken).ConfigureAwait(false);
            if (page.Count == 0)
            {
                yield break;
            }

            foreach (var entry in page)
            {
                yield return entry;
            }

            var last = page[^1];
            marker = !string.IsNullOrEmpty(last.Name) ? last.Name : delimiter.Length > 0 ? last.Subdir : null;
            if (string.IsNullOrEmpty(marker))
            {
                yield break;
            }
        }
    }

    /// <summary>All containers of the account, paged by marker like object listings.</summary>
    public async IAsyncEnumerable<SwiftContainerEntry> ListContainersAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? marker = null;
        while (true)
        {
            var url = new Uri(AccountUrl + "?format=json" + (marker is null ? "" : "&marker=" + SwiftNames.EncodeQueryValue(marker)));
            using var response = await SendAsync(HttpMethod.Get, url, cancellationToken).ConfigureAwait(false);
            await HttpResponses.EnsureAsync(response, ListingAccepted, cancellationToken, AccountUrl.AbsolutePath).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NoContent)
            {
                yield break;
            }

            var page = await response.Content.ReadFromJsonAsync(OpenStackJsonContext.Default.ListSwiftContainerEntry, cancellationToken).ConfigureAwait(false) ?? [];
            if (page.Count == 0)
            {
                yield break;
            }

            foreach (var entry in page)
            {
                yield return entry;
            }

            marker = page[^1].Name;
        }
    }

    private static readonly int[] ListingAccepted = [200, 204, 300];

    private static readonly Dictionary<string, string> JsonBody = new() { ["Content-Type"] = "application/json" };

    // Non-empty parameters, keys sorted, values form-encoded, as the reference builds them.
    private static string ListingQuery(string prefix, string delimiter, string? marker)
    {
        var parts = new List<string>();
        if (delimiter.Length > 0)
        {
            parts.Add("delimiter=" + SwiftNames.EncodeQueryValue(delimiter));
        }

        if (!string.IsNullOrEmpty(marker))
        {
            parts.Add("marker=" + SwiftNames.EncodeQueryValue(marker));
        }

        if (prefix.Length > 0)
        {
            parts.Add("prefix=" + SwiftNames.EncodeQueryValue(prefix));
        }

        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    private static async Task<IReadOnlyList<SwiftListingEntry>> ReadPageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "application/json";
        if (mediaType == "text/html")
        {
            return [];
        }

        if (mediaType == "text/plain")
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(name => new SwiftListingEntry(name, null, null, null)).ToList();
        }

        return await response.Content.ReadFromJsonAsync(OpenStackJsonContext.Default.ListSwiftListingEntry, cancellationToken).ConfigureAwait(false) ?? [];
    }
}
