using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace VeleroOpenShift.Tests.Fakes;

/// <summary>
/// An in-process stand-in for a Kubernetes API server (no kube-apiserver can be installed here) on
/// 127.0.0.1. It follows the REST conventions the client relies on — <c>/api/v1/...</c> and
/// <c>/apis/{group}/{version}/...</c> paths, namespaced and cluster-scoped collections, <c>/version</c>,
/// <c>labelSelector</c> on lists, PUT to replace, <c>application/json</c>, and <c>Status</c> objects with
/// code and reason on errors — and serves ONLY what each test puts in it: a collection nobody registered
/// answers 404 like an API the cluster does not serve. Every request must carry the bearer token.
/// </summary>
public sealed class FakeKubeApiServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, List<JsonObject>> _collections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _forcedStatus = new(StringComparer.Ordinal);
    private readonly List<string> _requests = [];
    private readonly Lock _lock = new();
    private readonly Task _loop;
    private JsonObject? _version;

    public FakeKubeApiServer(string token = "test-token")
    {
        Token = token;
        // A free port can be taken by another test process between the probe and Start; try a few.
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

        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Token { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    /// <summary>"METHOD path?query" of every request, in order.</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    public void SetVersion(JsonObject version) => _version = version;

    /// <summary>Serves a collection (so it answers, even if empty): <paramref name="apiRoot"/> is <c>/api/v1</c> or <c>/apis/group/version</c>.</summary>
    public void Serve(string apiRoot, string resource, string? ns = null)
    {
        lock (_lock)
        {
            _collections.TryAdd(CollectionPath(apiRoot, resource, ns), []);
        }
    }

    public void Add(string apiRoot, string resource, JsonObject obj)
    {
        var ns = obj["metadata"]?["namespace"]?.GetValue<string>();
        lock (_lock)
        {
            var path = CollectionPath(apiRoot, resource, ns);
            if (!_collections.TryGetValue(path, out var list))
            {
                _collections[path] = list = [];
            }

            list.Add(obj);
            if (ns is not null)
            {
                // The all-namespaces collection answers too, as on a real server.
                _collections.TryAdd(CollectionPath(apiRoot, resource, null), []);
            }
        }
    }

    /// <summary>Answers every request to <paramref name="path"/> with <paramref name="status"/> (e.g. 403).</summary>
    public void Force(string path, int status)
    {
        lock (_lock)
        {
            _forcedStatus[path] = status;
        }
    }

    public JsonObject? Stored(string apiRoot, string resource, string? ns, string name)
    {
        lock (_lock)
        {
            return _collections.GetValueOrDefault(CollectionPath(apiRoot, resource, ns))?.FirstOrDefault(o => NameOf(o) == name);
        }
    }

    public void Dispose()
    {
        // Close alone: Stop then Close makes the managed listener remove its prefix twice, and the second
        // removal binds the port again, failing when another test process has taken it meanwhile.
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under the pending accept; that is how the loop ends.
        }
    }

    private static string CollectionPath(string apiRoot, string resource, string? ns) =>
        ns is null ? $"{apiRoot}/{resource}" : $"{apiRoot}/namespaces/{ns}/{resource}";

    private static string? NameOf(JsonObject obj) => obj["metadata"]?["name"]?.GetValue<string>();

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

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

            try
            {
                var (status, body) = await HandleAsync(context.Request);
                var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
                context.Response.StatusCode = status;
                context.Response.ContentType = "application/json";
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
            catch (HttpListenerException)
            {
                // The client went away.
            }
        }
    }

    private async Task<(int Status, JsonObject Body)> HandleAsync(HttpListenerRequest request)
    {
        var path = request.Url!.AbsolutePath.TrimEnd('/');
        lock (_lock)
        {
            _requests.Add($"{request.HttpMethod} {request.Url.PathAndQuery}");
        }

        if (request.Headers["Authorization"] != $"Bearer {Token}")
        {
            return Status(401, "Unauthorized", "Unauthorized");
        }

        lock (_lock)
        {
            if (_forcedStatus.TryGetValue(path, out var forced))
            {
                return Status(forced, forced == 403 ? "Forbidden" : "InternalError", $"forced {forced} for {path}");
            }
        }

        if (path == "/version")
        {
            return _version is null ? Status(404, "NotFound", "the server could not find the requested resource") : (200, (JsonObject)_version.DeepClone());
        }

        var body = request.HttpMethod == "PUT" ? JsonNode.Parse(await new StreamReader(request.InputStream).ReadToEndAsync()) as JsonObject : null;
        lock (_lock)
        {
            if (_collections.TryGetValue(path, out var list))
            {
                return request.HttpMethod == "GET"
                    ? (200, ListOf(list, request.QueryString["labelSelector"]))
                    : Status(405, "MethodNotAllowed", $"{request.HttpMethod} is not allowed on a collection");
            }

            var slash = path.LastIndexOf('/');
            var collection = path[..slash];
            var name = Uri.UnescapeDataString(path[(slash + 1)..]);
            if (!_collections.TryGetValue(collection, out var items))
            {
                return Status(404, "NotFound", "the server could not find the requested resource");
            }

            var index = items.FindIndex(o => NameOf(o) == name);
            if (index < 0)
            {
                return Status(404, "NotFound", $"{collection[(collection.LastIndexOf('/') + 1)..]} \"{name}\" not found");
            }

            switch (request.HttpMethod)
            {
                case "GET":
                    return (200, (JsonObject)items[index].DeepClone());
                case "PUT" when body is not null && NameOf(body) == name:
                    items[index] = body;
                    return (200, (JsonObject)body.DeepClone());
                case "PUT":
                    return Status(400, "BadRequest", "the name of the object does not match the name on the URL");
                default:
                    return Status(405, "MethodNotAllowed", $"{request.HttpMethod} is not allowed");
            }
        }
    }

    private static JsonObject ListOf(List<JsonObject> items, string? labelSelector)
    {
        var requirements = (labelSelector ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(r => r.Split('=', 2))
            .ToList();
        var matching = items.Where(o => requirements.All(r => o["metadata"]?["labels"]?[r[0]]?.GetValue<string>() == r[1]));
        return new JsonObject
        {
            ["kind"] = "List",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject { ["resourceVersion"] = "1" },
            ["items"] = new JsonArray([.. matching.Select(o => o.DeepClone())]),
        };
    }

    private static (int, JsonObject) Status(int code, string reason, string message) =>
        (code, new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = reason,
            ["code"] = code,
        });

    /// <summary>Writes a kubeconfig for this server to a temp file; context <c>fake</c> is current, <c>unreachable</c> points nowhere.</summary>
    public string WriteKubeconfig()
    {
        var path = Path.Combine(Path.GetTempPath(), $"kubeconfig-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: fake
              cluster:
                server: {Address}
            - name: nowhere
              cluster:
                server: http://127.0.0.1:1
            contexts:
            - name: fake
              context:
                cluster: fake
                user: tester
            - name: unreachable
              context:
                cluster: nowhere
                user: tester
            current-context: fake
            users:
            - name: tester
              user:
                token: {Token}
            """);
        return path;
    }
}
