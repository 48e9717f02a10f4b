using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using VeleroOpenShift.Tests.OpenStack.Integration;

namespace VeleroOpenShift.Tests.OpenStack.Manila;

/// <summary>
/// Direct Manila calls for setting up and checking what the snapshotter did, independent of its code: the demo
/// user's project, microversion 2.45. Manila of the test servers keeps its data in memory, so the share type the
/// shares need is created on first use.
/// </summary>
internal sealed class ManilaProbe : IDisposable
{
    private const string Microversion = "2.45";
    private static readonly TimeSpan SetupLimit = TimeSpan.FromMinutes(2);

    private readonly HttpClient _http = new();
    private readonly string _token;
    private readonly string _projectUrl;

    private ManilaProbe(string token, string projectId)
    {
        _token = token;
        _projectUrl = $"{OpenStackServers.ManilaUrl}/v2/{projectId}/";
    }

    public static async Task<ManilaProbe> DemoAsync()
    {
        var (adminToken, adminProject) = await KeystoneAdmin.ProjectTokenAsync("admin", "admin", "admin");
        using (var admin = new ManilaProbe(adminToken, adminProject))
        {
            await admin.EnsureShareTypeAsync();
        }

        var (token, project) = await KeystoneAdmin.ProjectTokenAsync(KeystoneAdmin.DemoUser, KeystoneAdmin.DemoPassword, "demo");
        return new ManilaProbe(token, project);
    }

    /// <summary>A 1 GiB NFS share, available, with <paramref name="metadata"/> and an ip rule per <paramref name="allowed"/> entry.</summary>
    public async Task<string> CreateShareAsync(string name, Dictionary<string, string>? metadata = null, params string[] allowed)
    {
        var body = new JsonObject
        {
            ["share"] = new JsonObject
            {
                ["share_proto"] = "NFS", ["size"] = 1, ["name"] = name,
                ["metadata"] = ToJsonObject(metadata ?? []),
            },
        };
        var share = (await SendAsync(HttpMethod.Post, "shares", body, HttpStatusCode.OK))!["share"]!;
        var id = (string)share["id"]!;
        await WaitAsync($"shares/{id}", "share", "available");
        foreach (var address in allowed)
        {
            await AllowAsync(id, address);
        }

        return id;
    }

    public async Task AllowAsync(string shareId, string address) =>
        await SendAsync(HttpMethod.Post, $"shares/{shareId}/action", new JsonObject { ["allow_access"] = new JsonObject { ["access_type"] = "ip", ["access_to"] = address, ["access_level"] = "rw" } }, HttpStatusCode.OK);

    /// <summary>An available snapshot of <paramref name="shareId"/>, made here rather than by the snapshotter.</summary>
    public async Task<string> CreateSnapshotAsync(string shareId)
    {
        var body = new JsonObject { ["snapshot"] = new JsonObject { ["share_id"] = shareId, ["name"] = "probe-" + Guid.NewGuid().ToString("N")[..8] } };
        var id = (string)(await SendAsync(HttpMethod.Post, "snapshots", body, HttpStatusCode.Accepted))!["snapshot"]!["id"]!;
        await WaitAsync($"snapshots/{id}", "snapshot", "available");
        return id;
    }

    public async Task<JsonObject?> ShareAsync(string id) => (await SendAsync(HttpMethod.Get, $"shares/{id}", null, HttpStatusCode.OK, HttpStatusCode.NotFound))?["share"]?.AsObject();

    public async Task<JsonObject?> SnapshotAsync(string id) => (await SendAsync(HttpMethod.Get, $"snapshots/{id}", null, HttpStatusCode.OK, HttpStatusCode.NotFound))?["snapshot"]?.AsObject();

    public async Task<IReadOnlyList<JsonObject>> SnapshotsOfAsync(string shareId) =>
        [.. (await SendAsync(HttpMethod.Get, $"snapshots/detail?share_id={shareId}", null, HttpStatusCode.OK))!["snapshots"]!.AsArray().Select(s => s!.AsObject())];

    public async Task<IReadOnlyList<JsonObject>> AccessRulesAsync(string shareId) =>
        [.. (await SendAsync(HttpMethod.Get, $"share-access-rules?share_id={shareId}", null, HttpStatusCode.OK))!["access_list"]!.AsArray().Select(s => s!.AsObject())];

    /// <summary>Waits until Manila forgets the snapshot (its delete is asynchronous).</summary>
    public Task SnapshotGoneAsync(string id) => WaitAsync($"snapshots/{id}", "snapshot", null);

    public Task ShareGoneAsync(string id) => WaitAsync($"shares/{id}", "share", null);

    /// <summary>Deletes the shares with their snapshots, ignoring what is gone already, so tests leave the project as they found it.</summary>
    public async Task RemoveAsync(params string?[] shareIds)
    {
        foreach (var shareId in shareIds.OfType<string>())
        {
            foreach (var snapshot in await SnapshotsOfAsync(shareId))
            {
                await SendAsync(HttpMethod.Delete, $"snapshots/{snapshot["id"]}", null, HttpStatusCode.Accepted, HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
                await SnapshotGoneAsync((string)snapshot["id"]!);
            }

            await SendAsync(HttpMethod.Delete, $"shares/{shareId}", null, HttpStatusCode.Accepted, HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task EnsureShareTypeAsync()
    {
        var types = (await SendAsync(HttpMethod.Get, "types", null, HttpStatusCode.OK))!["share_types"]!.AsArray();
        if (types.Any(t => (string?)t!["name"] == "default"))
        {
            return;
        }

        var body = JsonNode.Parse("""{"share_type":{"name":"default","extra_specs":{"driver_handles_share_servers":false,"snapshot_support":true,"create_share_from_snapshot_support":true}}}""")!;
        // Another test process may create it at the same moment.
        await SendAsync(HttpMethod.Post, "types", body, HttpStatusCode.OK, HttpStatusCode.Conflict);
    }

    private async Task WaitAsync(string path, string kind, string? status)
    {
        var deadline = DateTime.UtcNow + SetupLimit;
        while (true)
        {
            var item = (await SendAsync(HttpMethod.Get, path, null, HttpStatusCode.OK, HttpStatusCode.NotFound))?[kind];
            var current = (string?)item?["status"];
            if (current == status)
            {
                return;
            }

            if (current?.Contains("error", StringComparison.Ordinal) == true || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"{path} is {current ?? "gone"}, expected {status ?? "gone"}");
            }

            await Task.Delay(300);
        }
    }

    private async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonNode? body, params HttpStatusCode[] accepted)
    {
        using var request = new HttpRequestMessage(method, _projectUrl + path);
        request.Headers.Add("X-Auth-Token", _token);
        request.Headers.Add("X-OpenStack-Manila-API-Version", Microversion);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!accepted.Contains(response.StatusCode))
        {
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {text}");
        }

        return response.StatusCode == HttpStatusCode.NotFound || text.Length == 0 ? null : JsonNode.Parse(text);
    }

    private static JsonObject ToJsonObject(Dictionary<string, string> map) => new(map.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value)));
}
