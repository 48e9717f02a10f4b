using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace VeleroOpenShift.Tests.OpenStack.Integration;

/// <summary>Direct Swift calls for setting up and checking what the store did, independent of the store's code.</summary>
internal sealed class SwiftProbe : IDisposable
{
    private readonly HttpClient _http = new();
    private readonly string _token;

    private SwiftProbe(string token, string accountUrl)
    {
        _token = token;
        AccountUrl = accountUrl.TrimEnd('/');
    }

    public string AccountUrl { get; }

    public static async Task<SwiftProbe> TempauthAsync()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, OpenStackServers.TempauthUrl);
        request.Headers.Add("X-Auth-User", "test:tester");
        request.Headers.Add("X-Auth-Key", "testing");
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return new SwiftProbe(response.Headers.GetValues("X-Auth-Token").Single(), response.Headers.GetValues("X-Storage-Url").Single());
    }

    /// <summary>The demo user's account, through a Keystone token (Swift caches those; tempauth tokens cost a Keystone round trip each).</summary>
    public static async Task<SwiftProbe> KeystoneDemoAsync()
    {
        var (token, _, swiftUrl) = await KeystoneAdmin.TokenAsync(KeystoneAdmin.DemoUser, KeystoneAdmin.DemoPassword, "demo");
        return new SwiftProbe(token, swiftUrl);
    }

    public static SwiftProbe WithToken(string token, string accountUrl) => new(token, accountUrl);

    public async Task<string> NewContainerAsync()
    {
        var name = "vos-" + Guid.NewGuid().ToString("N")[..12];
        await SendAsync(HttpMethod.Put, "/" + name, expect: [HttpStatusCode.Created, HttpStatusCode.Accepted]);
        return name;
    }

    public async Task<HttpStatusCode> HeadAsync(string container, string objectName)
    {
        using var response = await SendRawAsync(HttpMethod.Head, $"/{container}/{Uri.EscapeDataString(objectName)}");
        return response.StatusCode;
    }

    public async Task<byte[]> GetAsync(string container, string objectName)
    {
        using var response = await SendRawAsync(HttpMethod.Get, $"/{container}/{Uri.EscapeDataString(objectName)}");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }

    public async Task PutAsync(string container, string objectName, byte[] content) =>
        await SendAsync(HttpMethod.Put, $"/{container}/{Uri.EscapeDataString(objectName)}", new ByteArrayContent(content), [HttpStatusCode.Created]);

    /// <summary>All object names in a container (empty when the container does not exist).</summary>
    public async Task<IReadOnlyList<string>> NamesAsync(string container)
    {
        using var response = await SendRawAsync(HttpMethod.Get, $"/{container}?format=json");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }

        response.EnsureSuccessStatusCode();
        var listing = await response.Content.ReadFromJsonAsync<JsonArray>() ?? [];
        return listing.Select(entry => (string)entry!["name"]!).ToList();
    }

    public async Task SetMetadataAsync(string path, string header, string value)
    {
        using var request = Request(HttpMethod.Post, path);
        request.Headers.Add(header, value);
        using var response = await _http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"POST {path} answered {(int)response.StatusCode}");
    }

    public void Dispose() => _http.Dispose();

    private async Task SendAsync(HttpMethod method, string path, HttpContent? content = null, HttpStatusCode[]? expect = null)
    {
        using var request = Request(method, path);
        request.Content = content;
        using var response = await _http.SendAsync(request);
        Assert.Contains(response.StatusCode, expect ?? [HttpStatusCode.OK]);
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path)
    {
        using var request = Request(method, path);
        return await _http.SendAsync(request);
    }

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, AccountUrl + path);
        request.Headers.Add("X-Auth-Token", _token);
        return request;
    }
}
