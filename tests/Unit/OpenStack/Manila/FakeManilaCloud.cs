using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace VeleroOpenShift.Tests.OpenStack.Manila;

/// <summary>
/// Keystone and Manila on a loopback listener, as the reference's gophercloud test helper fakes them (spec §10):
/// identity discovery on <c>/</c>, a token whose catalog has <c>sharev2</c> in myRegion (this server) and secondRegion
/// (localhost2), the Manila versions document on <c>/v2/</c>, and whatever <see cref="Manila"/> answers for paths
/// under the project endpoint. Records every Manila request.
/// </summary>
internal sealed class FakeManilaCloud : IDisposable
{
    public const string ProjectId = "955f0136ed4611ee9f489cb6d0fbac9d";
    public const string SubjectToken = "0123456789";

    private readonly HttpListener _listener = new();
    private readonly List<FakeRequest> _requests = [];
    private readonly Lock _lock = new();
    private readonly Task _loop;

    public FakeManilaCloud(Func<FakeRequest, FakeResponse?> manila)
    {
        Manila = manila;
        for (var attempt = 1; ; attempt++)
        {
            using (var probe = new TcpListener(IPAddress.Loopback, 0))
            {
                probe.Start();
                Address = new Uri($"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/");
            }

            _listener.Prefixes.Add(Address.ToString());
            try
            {
                _listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                _listener.Prefixes.Clear();
            }
        }

        _loop = Task.Run(ServeAsync);
    }

    public Uri Address { get; private set; } = null!;

    public string ManilaEndpoint => $"{Address}v2/{ProjectId}/";

    /// <summary>Answers for paths below <see cref="ManilaEndpoint"/> ("shares/x?y=z"); null answers 404.</summary>
    public Func<FakeRequest, FakeResponse?> Manila { get; set; }

    /// <summary>The <c>version</c> of the versions document; null makes <c>GET /v2/</c> answer 404.</summary>
    public string? MaxMicroversion { get; set; } = "2.81";

    public DateTimeOffset TokenIssuedAt { get; set; } = DateTimeOffset.UtcNow;

    public DateTimeOffset TokenExpiresAt { get; set; } = DateTimeOffset.UtcNow.AddHours(1);

    /// <summary>Manila requests (not Keystone's), in order.</summary>
    public IReadOnlyList<FakeRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>The clouds.yaml of spec §10: cloud myCloud, password auth, no region_name.</summary>
    public string CloudsYaml() => $"""
        clouds:
          myCloud:
            auth:
              user_domain_name: users
              auth_url: {Address}v3/auth/tokens
              username: user
              password: pass
              project_name: project
              project_domain_name: domain
            identity_api_version: 3
        """;

    public void Dispose()
    {
        // Close alone: after Stop, Close unregisters the prefixes a second time, which binds the port anew and fails
        // with "Address already in use" when another test has taken the port meanwhile.
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends with the listener.
        }
    }

    private async Task ServeAsync()
    {
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var path = context.Request.Url!.PathAndQuery;
        var response = Route(context.Request, path, body);
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = "application/json";
        context.Response.AddHeader("X-Openstack-Request-Id", response.RequestId ?? "req-" + Guid.NewGuid().ToString("D"));
        if (response.SubjectToken is not null)
        {
            context.Response.AddHeader("X-Subject-Token", response.SubjectToken);
        }

        var bytes = Encoding.UTF8.GetBytes(response.Body);
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    private FakeResponse Route(HttpListenerRequest request, string path, string body)
    {
        if (path == "/" && request.HttpMethod == "GET")
        {
            return new FakeResponse(200, $$$"""{"versions":{"values":[{"id":"v3.14","status":"stable","updated":"2020-04-07T00:00:00Z","links":[{"rel":"self","href":"{{{Address}}}v3/"}],"media-types":[{"base":"application/json","type":"application/vnd.openstack.identity-v3+json"}]}]}}""");
        }

        if (path == "/v3/auth/tokens" && request.HttpMethod == "POST")
        {
            return new FakeResponse(201, TokenBody()) { SubjectToken = SubjectToken };
        }

        var headers = request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
        var prefix = $"/v2/{ProjectId}/";
        var recorded = new FakeRequest(request.HttpMethod, path.StartsWith(prefix, StringComparison.Ordinal) ? path[prefix.Length..] : path, headers, body);
        lock (_lock)
        {
            _requests.Add(recorded);
        }

        if (headers.GetValueOrDefault("X-Auth-Token") != SubjectToken)
        {
            return new FakeResponse(401, """{"error":{"code":401,"message":"The request you have made requires authentication."}}""");
        }

        if (path == "/v2/")
        {
            return MaxMicroversion is null
                ? new FakeResponse(404, "{}")
                : new FakeResponse(200, $$$"""{"versions":[{"id":"v2.0","status":"CURRENT","version":"{{{MaxMicroversion}}}","min_version":"2.0","updated":"2015-08-27T11:33:21Z","links":[{"rel":"describedby","type":"text/html","href":"http://docs.openstack.org/"},{"rel":"self","href":"{{{ManilaEndpoint}}}"}],"media-types":[{"base":"application/json","type":"application/vnd.openstack.share+json;version=1"}]}]}""");
        }

        return path.StartsWith(prefix, StringComparison.Ordinal) && Manila(recorded) is { } answer
            ? answer
            : new FakeResponse(404, """{"itemNotFound":{"code":404,"message":"not found"}}""");
    }

    private string TokenBody()
    {
        static JsonObject Endpoint(string @interface, string region, string url) =>
            new() { ["id"] = Guid.NewGuid().ToString("N"), ["interface"] = @interface, ["region"] = region, ["region_id"] = region, ["url"] = url };

        var second = $"https://localhost2/v2/{ProjectId}/";
        var token = new JsonObject
        {
            ["token"] = new JsonObject
            {
                ["methods"] = new JsonArray("password"),
                ["issued_at"] = TokenIssuedAt.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ"),
                ["expires_at"] = TokenExpiresAt.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ"),
                ["project"] = new JsonObject { ["id"] = "04982538-f42b-11ee-a412-9cb6d0fbac9d", ["name"] = "project", ["domain"] = new JsonObject { ["id"] = "8789d1", ["name"] = "domain" } },
                ["user"] = new JsonObject { ["id"] = "cf78e694-f42a-11ee-bfcc-9cb6d0fbac9d", ["name"] = "user", ["domain"] = new JsonObject { ["id"] = "8789d1", ["name"] = "domain" } },
                ["roles"] = new JsonArray(new JsonObject { ["id"] = "r1", ["name"] = "admin" }, new JsonObject { ["id"] = "r2", ["name"] = "member" }),
                ["catalog"] = new JsonArray(
                    new JsonObject
                    {
                        ["type"] = "identity",
                        ["name"] = "keystone",
                        ["endpoints"] = new JsonArray(
                            Endpoint("public", "RegionOne", "http://localhost:5000"),
                            Endpoint("internal", "RegionOne", "http://localhost:5000"),
                            Endpoint("admin", "RegionOne", "http://localhost:35357")),
                    },
                    new JsonObject
                    {
                        ["type"] = "sharev2",
                        ["name"] = "manilav2",
                        ["endpoints"] = new JsonArray(
                            Endpoint("internal", "myRegion", $"http://localhost/v2/{ProjectId}/"),
                            Endpoint("public", "myRegion", ManilaEndpoint),
                            Endpoint("admin", "myRegion", $"https://localhost/v2/{ProjectId}/")),
                    },
                    new JsonObject
                    {
                        ["type"] = "sharev2",
                        ["name"] = "manilav2",
                        ["endpoints"] = new JsonArray(
                            Endpoint("internal", "secondRegion", second),
                            Endpoint("public", "secondRegion", second),
                            Endpoint("admin", "secondRegion", second)),
                    }),
            },
        };
        return token.ToJsonString();
    }
}

/// <summary>A request to the fake Manila: path relative to the project endpoint, headers, body text.</summary>
internal sealed record FakeRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public JsonNode? Json => Body.Length == 0 ? null : JsonNode.Parse(Body);

    public override string ToString() => $"{Method} {Path}";
}

internal sealed record FakeResponse(int Status, string Body = "{}", string? RequestId = null)
{
    public string? SubjectToken { get; init; }
}
