using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace VeleroOpenShift.Tests.OpenStack.Cinder;

/// <summary>One request the fake received.</summary>
internal sealed record SeenRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public JsonNode? Json => Body.Length == 0 ? null : JsonNode.Parse(Body);
}

/// <summary>What a handler answers.</summary>
internal sealed record FakeAnswer(int Status, string Body = "", string? RequestId = null)
{
    public static FakeAnswer Json(int status, string json) => new(status, json);
}

/// <summary>
/// An in-process OpenStack on 127.0.0.1, like gophercloud's testhelper the reference tests use (spec §10): Keystone
/// discovery at <c>/</c> and tokens at <c>/v3/auth/tokens</c> (a token whose catalog the test chooses), Cinder under
/// <c>/volume/v3/{project}/</c> with its versions document at <c>/volume/</c>, Glance under <c>/image/</c>. Other paths
/// answer only what the test maps; the rest is 404 with a request id, as OpenStack services answer.
/// </summary>
internal sealed class LoopbackOpenStack : IDisposable
{
    public const string Project = "955f0136ed4611ee9f489cb6d0fbac9d";
    public const string Token = "0123456789";

    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, Func<SeenRequest, FakeAnswer>> _routes = new(StringComparer.Ordinal);
    private readonly List<SeenRequest> _requests = [];
    private readonly Lock _lock = new();
    private readonly Task _loop;

    public LoopbackOpenStack()
    {
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
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

        Catalog = [Service("volumev3", CinderUrl)];
        Map("GET", "/", _ => FakeAnswer.Json(200, $$$$"""{"versions":{"values":[{"id":"v3.14","status":"stable","updated":"2020-04-07T00:00:00Z","links":[{"rel":"self","href":"{{{{Address}}}}v3/"}],"media-types":[{"base":"application/json","type":"application/vnd.openstack.identity-v3+json"}]}]}}"""));
        Map("GET", "/volume/", _ => FakeAnswer.Json(300, $$"""{"versions":[{"id":"v3.0","status":"CURRENT","version":"{{MaxMicroversion}}","min_version":"3.0","links":[{"rel":"self","href":"{{Address}}volume/v3/"}]}]}"""));
        Map("GET", "/image/", _ => FakeAnswer.Json(300, $$"""{"versions":[{"id":"v2.16","status":"CURRENT","links":[{"rel":"self","href":"{{Address}}image/v2/"}]}]}"""));
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}/");

    /// <summary>The Cinder project endpoint the default catalog lists.</summary>
    public string CinderUrl => $"{Address}volume/v3/{Project}";

    public string GlanceUrl => $"{Address}image";

    /// <summary>Services of the token's catalog besides identity; the default lists Cinder only.</summary>
    public List<JsonObject> Catalog { get; set; }

    public string MaxMicroversion { get; set; } = "3.70";

    /// <summary>The environment a plugin process would have, authenticating against this fake by password.</summary>
    public (string, string)[] Environment =>
    [
        ("OS_AUTH_URL", Address + "v3"), ("OS_USERNAME", "user"), ("OS_PASSWORD", "pass"),
        ("OS_PROJECT_NAME", "project"), ("OS_USER_DOMAIN_NAME", "users"), ("OS_PROJECT_DOMAIN_NAME", "domain"),
    ];

    public IReadOnlyList<SeenRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Requests to Cinder and Glance, without the identity ones.</summary>
    public IReadOnlyList<SeenRequest> ServiceRequests => [.. Requests.Where(r => r.Path.StartsWith("/volume/", StringComparison.Ordinal) || r.Path.StartsWith("/image/", StringComparison.Ordinal))];

    public static JsonObject Service(string type, string publicUrl, string region = "RegionOne") => new()
    {
        ["type"] = type,
        ["endpoints"] = new JsonArray(
            new JsonObject { ["interface"] = "public", ["region"] = region, ["region_id"] = region, ["url"] = publicUrl }),
    };

    /// <summary>Answers <paramref name="method"/> on <paramref name="path"/> (exact, without query) with <paramref name="handler"/>.</summary>
    public void Map(string method, string path, Func<SeenRequest, FakeAnswer> handler)
    {
        lock (_lock)
        {
            _routes[$"{method} {path}"] = handler;
        }
    }

    /// <summary>Maps a Cinder path relative to the project endpoint ("volumes/v1").</summary>
    public void MapCinder(string method, string relativePath, Func<SeenRequest, FakeAnswer> handler) =>
        Map(method, $"/volume/v3/{Project}/{relativePath}", handler);

    public void MapGlance(string method, string relativePath, Func<SeenRequest, FakeAnswer> handler) =>
        Map(method, $"/image/v2/{relativePath}", handler);

    public void Dispose()
    {
        // Close alone: after Stop, Close unregisters the prefixes a second time, which binds the port anew and fails
        // with "Address already in use" when another test has taken the port meanwhile.
        _listener.Close();
        try
        {
            _loop.GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
        {
            // The listener was closed under a pending accept.
        }
    }

    private FakeAnswer TokenAnswer() => FakeAnswer.Json(201, new JsonObject
    {
        ["token"] = new JsonObject
        {
            ["methods"] = new JsonArray("password"),
            ["expires_at"] = "2999-02-27T18:30:59.999999Z",
            ["issued_at"] = "2025-02-27T16:30:59.999999Z",
            ["project"] = new JsonObject { ["id"] = "04982538-f42b-11ee-a412-9cb6d0fbac9d", ["name"] = "project", ["domain"] = new JsonObject { ["id"] = "8789d1", ["name"] = "domain" } },
            ["user"] = new JsonObject { ["id"] = "cf78e694-f42a-11ee-bfcc-9cb6d0fbac9d", ["name"] = "user" },
            ["roles"] = new JsonArray(new JsonObject { ["name"] = "admin" }, new JsonObject { ["name"] = "member" }),
            ["catalog"] = new JsonArray([Service("identity", "http://localhost:5000"), .. Catalog.Select(s => s.DeepClone())]),
        },
    }.ToJsonString());

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
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

            _ = Task.Run(() => Answer(context));
        }
    }

    private void Answer(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var headers = context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
        var request = new SeenRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.Url.Query.TrimStart('?'), headers, reader.ReadToEnd());
        Func<SeenRequest, FakeAnswer>? handler;
        lock (_lock)
        {
            _requests.Add(request);
            _routes.TryGetValue($"{request.Method} {request.Path}", out handler);
        }

        FakeAnswer answer;
        if (request.Method == "POST" && request.Path == "/v3/auth/tokens")
        {
            answer = TokenAnswer();
            context.Response.Headers["X-Subject-Token"] = Token;
        }
        else if ((request.Path.StartsWith("/volume/v3/", StringComparison.Ordinal) || request.Path.StartsWith("/image/v2/", StringComparison.Ordinal))
            && headers.GetValueOrDefault("X-Auth-Token") != Token)
        {
            answer = new FakeAnswer(401, """{"error":{"code":401,"message":"The request you have made requires authentication."}}""");
        }
        else
        {
            answer = handler?.Invoke(request) ?? new FakeAnswer(404, $$$$"""{"itemNotFound":{"code":404,"message":"{{{{request.Path}}}} could not be found."}}""", "req-notfound");
        }

        context.Response.StatusCode = answer.Status;
        context.Response.Headers["X-Openstack-Request-Id"] = answer.RequestId ?? "req-" + Guid.NewGuid().ToString("N")[..12];
        var bytes = Encoding.UTF8.GetBytes(answer.Body);
        if (bytes.Length > 0)
        {
            context.Response.ContentType = "application/json";
        }

        context.Response.OutputStream.Write(bytes);
        context.Response.Close();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
