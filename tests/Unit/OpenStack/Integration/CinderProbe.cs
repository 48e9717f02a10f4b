using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace VeleroOpenShift.Tests.OpenStack.Integration;

/// <summary>
/// Direct Cinder and Glance calls for setting up and checking what the snapshotter did, independent of its code: the
/// demo project's volumes, snapshots, backups and images, the data in a volume, and the admin's os-reset_status.
/// </summary>
internal sealed class CinderProbe : IDisposable
{
    // Guards against a hang only; the fake driver makes volumes available within a second or two.
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    private readonly HttpClient _http = new();
    private readonly string _token;
    private readonly string _projectUrl;

    private CinderProbe(string token, string projectId)
    {
        _token = token;
        _projectUrl = $"{OpenStackServers.CinderUrl}/v3/{projectId}";
    }

    /// <summary>The demo user in project demo, the identity the snapshotter tests use.</summary>
    public static async Task<CinderProbe> DemoAsync()
    {
        var (token, projectId) = await KeystoneAdmin.ProjectTokenAsync(KeystoneAdmin.DemoUser, KeystoneAdmin.DemoPassword, "demo");
        return new CinderProbe(token, projectId);
    }

    /// <summary>Creates a 1 GiB volume and waits until it is available; returns its id.</summary>
    public async Task<string> NewVolumeAsync(IReadOnlyDictionary<string, string>? metadata = null)
    {
        var body = new JsonObject { ["volume"] = new JsonObject { ["size"] = 1, ["name"] = "vos-" + Guid.NewGuid().ToString("N")[..8], ["metadata"] = Map(metadata) } };
        var created = await SendAsync(HttpMethod.Post, "/volumes", body, HttpStatusCode.Accepted);
        var id = (string)created!["volume"]!["id"]!;
        await WaitStatusAsync("volumes", id, "available");
        return id;
    }

    /// <summary>A snapshot of <paramref name="volumeId"/>, available.</summary>
    public async Task<string> NewSnapshotAsync(string volumeId)
    {
        var body = new JsonObject { ["snapshot"] = new JsonObject { ["volume_id"] = volumeId, ["name"] = "vos-probe" } };
        var created = await SendAsync(HttpMethod.Post, "/snapshots", body, HttpStatusCode.Accepted);
        var id = (string)created!["snapshot"]!["id"]!;
        await WaitStatusAsync("snapshots", id, "available");
        return id;
    }

    /// <summary>GET volumes/{id}, snapshots/{id} or backups/{id}: the inner object, or null on 404.</summary>
    public async Task<JsonObject?> GetAsync(string collection, string id)
    {
        using var response = await RawAsync(HttpMethod.Get, $"/{collection}/{id}", null);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())![collection.TrimEnd('s')]!.AsObject();
    }

    /// <summary>Waits until the resource has <paramref name="status"/> ("deleted": answers 404).</summary>
    public async Task WaitStatusAsync(string collection, string id, string status)
    {
        var until = DateTime.UtcNow + HangGuard;
        while (true)
        {
            var current = await GetAsync(collection, id);
            var seen = (string?)current?["status"] ?? "deleted";
            if (seen == status)
            {
                return;
            }

            if (DateTime.UtcNow > until || seen.Contains("error", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{collection}/{id} is {seen}, not {status}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Deletes a volume, snapshot or backup left by a test; a missing one is fine.</summary>
    public async Task DeleteAsync(string collection, string id)
    {
        using var response = await RawAsync(HttpMethod.Delete, $"/{collection}/{id}", null);
        if (response.StatusCode != HttpStatusCode.NotFound && response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"DELETE {collection}/{id} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>
    /// Writes into a volume as an application on it would: straight into the file that backs it in the test Cinder
    /// (tests/Servers/file_volume_driver.py), so a test can follow the data through a backup or an image.
    /// </summary>
    public static void WriteVolumeData(string volumeId, long offset, byte[] data)
    {
        using var file = new FileStream(VolumeFile(volumeId), FileMode.Open, FileAccess.Write);
        file.Position = offset;
        file.Write(data);
    }

    /// <summary>Reads what the volume holds at <paramref name="offset"/> (see <see cref="WriteVolumeData"/>).</summary>
    public static byte[] ReadVolumeData(string volumeId, long offset, int length)
    {
        using var file = new FileStream(VolumeFile(volumeId), FileMode.Open, FileAccess.Read);
        file.Position = offset;
        var data = new byte[length];
        file.ReadExactly(data);
        return data;
    }

    /// <summary>GET v2/images/{id} on Glance: the image, or null on 404.</summary>
    public async Task<JsonObject?> GetImageAsync(string id)
    {
        using var response = await GlanceAsync(HttpMethod.Get, id);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonObject>();
    }

    /// <summary>Deletes a Glance image left by a test; a missing one is fine.</summary>
    public async Task DeleteImageAsync(string id)
    {
        using var response = await GlanceAsync(HttpMethod.Delete, id);
        if (response.StatusCode != HttpStatusCode.NotFound && response.StatusCode != HttpStatusCode.NoContent)
        {
            throw new InvalidOperationException($"DELETE images/{id} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Forces a status with the admin's os-reset_status (through the admin project's URL, as Cinder requires).</summary>
    public static async Task ResetStatusAsync(string collection, string id, string status)
    {
        var (token, projectId) = await KeystoneAdmin.ProjectTokenAsync("admin", "admin", "admin");
        using var admin = new CinderProbe(token, projectId);
        await admin.SendAsync(HttpMethod.Post, $"/{collection}/{id}/action", new JsonObject { ["os-reset_status"] = new JsonObject { ["status"] = status } }, HttpStatusCode.Accepted);
    }

    public void Dispose() => _http.Dispose();

    private async Task<JsonObject?> SendAsync(HttpMethod method, string path, JsonObject? body, HttpStatusCode expected)
    {
        using var response = await RawAsync(method, path, body);
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return response.Content.Headers.ContentLength is 0 ? null : await response.Content.ReadFromJsonAsync<JsonObject>();
    }

    private Task<HttpResponseMessage> RawAsync(HttpMethod method, string path, JsonObject? body)
    {
        var request = new HttpRequestMessage(method, _projectUrl + path);
        request.Headers.Add("X-Auth-Token", _token);
        // 3.47 shows a backup's metadata (3.43+); volumes and snapshots read the same.
        request.Headers.Add("OpenStack-API-Version", "volume 3.47");
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        return _http.SendAsync(request);
    }

    private Task<HttpResponseMessage> GlanceAsync(HttpMethod method, string imageId)
    {
        var request = new HttpRequestMessage(method, $"{OpenStackServers.GlanceUrl}/v2/images/{imageId}");
        request.Headers.Add("X-Auth-Token", _token);
        return _http.SendAsync(request);
    }

    private static string VolumeFile(string volumeId)
    {
        var root = Environment.GetEnvironmentVariable("OPENSTACK_AIO_DIR") is { Length: > 0 } set ? set : "/tmp/openstack-volume-aio";
        return Path.Combine(root, "cinder", "state", "file-volumes", "volume-" + volumeId);
    }

    private static JsonObject Map(IReadOnlyDictionary<string, string>? values)
    {
        var map = new JsonObject();
        foreach (var (key, value) in values ?? new Dictionary<string, string>())
        {
            map[key] = value;
        }

        return map;
    }
}
