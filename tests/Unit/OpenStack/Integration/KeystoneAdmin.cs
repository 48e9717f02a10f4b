using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace VeleroOpenShift.Tests.OpenStack.Integration;

/// <summary>Direct Keystone calls for tests: tokens, application credentials, revocation.</summary>
internal static class KeystoneAdmin
{
    public const string DemoUser = "demo";
    public const string DemoPassword = "demopass";

    /// <summary>A project-scoped token for a Default-domain user, with its user id and the Swift account URL.</summary>
    public static async Task<(string Token, string UserId, string SwiftUrl)> TokenAsync(string user, string password, string project)
    {
        var (token, body) = await PasswordTokenAsync(user, password, project);
        var swift = body["catalog"]!.AsArray()
            .Where(s => (string?)s!["type"] == "object-store")
            .SelectMany(s => s!["endpoints"]!.AsArray())
            .FirstOrDefault(e => (string?)e!["interface"] == "public");
        return (token, (string)body["user"]!["id"]!, (string?)swift?["url"] ?? "");
    }

    /// <summary>A project-scoped token for a Default-domain user, with the project's id (Cinder and Manila URLs carry it).</summary>
    public static async Task<(string Token, string ProjectId)> ProjectTokenAsync(string user, string password, string project)
    {
        var (token, body) = await PasswordTokenAsync(user, password, project);
        return (token, (string)body["project"]!["id"]!);
    }

    /// <summary>The service types in the catalog of the admin's token ("object-store", "volumev3", ...).</summary>
    public static async Task<IReadOnlySet<string>> CatalogTypesAsync()
    {
        var (_, body) = await PasswordTokenAsync("admin", "admin", "admin");
        return body["catalog"]!.AsArray().Select(s => (string)s!["type"]!).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>A project-scoped token of a Default-domain user: its id and the token body (user, project, catalog).</summary>
    private static async Task<(string Token, JsonNode Body)> PasswordTokenAsync(string user, string password, string project)
    {
        using var http = new HttpClient();
        var body = new JsonObject
        {
            ["auth"] = new JsonObject
            {
                ["identity"] = new JsonObject
                {
                    ["methods"] = new JsonArray("password"),
                    ["password"] = new JsonObject { ["user"] = new JsonObject { ["name"] = user, ["domain"] = new JsonObject { ["id"] = "default" }, ["password"] = password } },
                },
                ["scope"] = new JsonObject { ["project"] = new JsonObject { ["name"] = project, ["domain"] = new JsonObject { ["id"] = "default" } } },
            },
        }.ToJsonString();
        using var response = await http.PostAsync(OpenStackServers.KeystoneUrl + "/auth/tokens", new StringContent(body, Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        return (response.Headers.GetValues("X-Subject-Token").Single(), (await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!);
    }

    /// <summary>Creates an application credential for the token's user; returns its id and secret.</summary>
    public static async Task<(string Id, string Secret)> ApplicationCredentialAsync(string token, string userId)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{OpenStackServers.KeystoneUrl}/users/{userId}/application_credentials")
        {
            Content = new StringContent($$$"""{"application_credential":{"name":"vos-{{{Guid.NewGuid():N}}}"}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Auth-Token", token);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var credential = (await response.Content.ReadFromJsonAsync<JsonObject>())!["application_credential"]!;
        return ((string)credential["id"]!, (string)credential["secret"]!);
    }

    public static async Task RevokeAsync(string token)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Delete, OpenStackServers.KeystoneUrl + "/auth/tokens");
        request.Headers.Add("X-Auth-Token", token);
        request.Headers.Add("X-Subject-Token", token);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }
}
