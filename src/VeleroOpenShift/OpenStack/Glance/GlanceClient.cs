using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenStack.Http;

namespace VeleroOpenShift.OpenStack.Glance;

/// <summary>The Glance v2 calls of the Cinder image method (spec §5.4, §5.7): read, patch and delete one image.</summary>
internal sealed class GlanceClient
{
    private static readonly int[] Ok = [200];
    private static readonly int[] Deleted = [204];

    private readonly ResilientSender _sender;

    /// <param name="endpoint">The catalog URL (trailing slash). Resources live under its <c>v2/</c>, as the reference builds them.</param>
    public GlanceClient(ResilientSender sender, Uri endpoint)
    {
        _sender = sender;

        // Real catalogs list Glance unversioned; one that already ends in v2/ must not get a second v2/.
        ImagesBase = new Uri(endpoint, endpoint.AbsolutePath.EndsWith("/v2/", StringComparison.Ordinal) ? "images/" : "v2/images/");
    }

    /// <summary><c>…/v2/images/</c>.</summary>
    public Uri ImagesBase { get; }

    public async Task<GlanceImage> GetImageAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await _sender.SendAsync(new OpenStackRequest(HttpMethod.Get, ImageUrl(id)), cancellationToken).ConfigureAwait(false);
        await HttpResponses.EnsureAsync(response, Ok, cancellationToken, $"image {id}").ConfigureAwait(false);
        try
        {
            return await response.Content.ReadFromJsonAsync(GlanceJsonContext.Default.GlanceImage, cancellationToken).ConfigureAwait(false)
                ?? throw new JsonException("the body is null");
        }
        catch (JsonException e)
        {
            throw new OpenStackException(FailureKind.RemoteFailure, $"image {id}", $"image {id}: Glance answered with JSON that cannot be read: {e.Message}", e);
        }
    }

    /// <summary>Applies a JSON patch (<c>application/openstack-images-v2.1-json-patch</c>) to the image.</summary>
    public async Task PatchImageAsync(string id, JsonArray operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var request = new OpenStackRequest(HttpMethod.Patch, ImageUrl(id), new BufferedBody(Encoding.UTF8.GetBytes(operations.ToJsonString())));
        request.Headers["Content-Type"] = "application/openstack-images-v2.1-json-patch";
        using var response = await _sender.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await HttpResponses.EnsureAsync(response, Ok, cancellationToken, $"image {id}").ConfigureAwait(false);
    }

    public async Task DeleteImageAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await _sender.SendAsync(new OpenStackRequest(HttpMethod.Delete, ImageUrl(id)), cancellationToken).ConfigureAwait(false);
        await HttpResponses.EnsureAsync(response, Deleted, cancellationToken, $"image {id}").ConfigureAwait(false);
    }

    private Uri ImageUrl(string id) => new(ImagesBase, Uri.EscapeDataString(id));
}
