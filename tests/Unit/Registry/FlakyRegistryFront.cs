using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace VeleroOpenShift.Tests.Registry;

/// <summary>
/// An HTTP front on 127.0.0.1 for a real registry that fails chosen requests and forwards the rest: it reads a
/// matching request whole and answers 503. Requests are matched by method and a piece of the path, so a fault hits
/// the call it aims at whichever connection carries it.
/// The Host header is kept, so the registry's Location headers point back at the front.
/// </summary>
internal sealed class FlakyRegistryFront : IDisposable
{
    private static readonly HashSet<string> NotForwarded = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Keep-Alive", "Transfer-Encoding", "Content-Length", "Expect", "Date", "Server",
    };

    private readonly HttpListener _listener = new();
    private readonly HttpClient _upstream = new(new SocketsHttpHandler { AllowAutoRedirect = false });
    private readonly string _upstreamRoot;
    private readonly ConcurrentQueue<(string Method, string Path)> _faults = new();
    private int _failed;

    public FlakyRegistryFront(string upstream)
    {
        _upstreamRoot = "http://" + upstream;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Address = $"127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}";
        }

        _listener.Prefixes.Add($"http://{Address}/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    /// <summary>The front as a registry host.</summary>
    public string Address { get; }

    /// <summary>Requests failed so far.</summary>
    public int Failed => Volatile.Read(ref _failed);

    /// <summary>The next <paramref name="times"/> requests with this method and path piece get 503.</summary>
    public void Answer503(string method, string pathPiece, int times)
    {
        for (var i = 0; i < times; i++)
        {
            _faults.Enqueue((method, pathPiece));
        }
    }

    public void Dispose()
    {
        _listener.Close();
        _upstream.Dispose();
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
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        try
        {
            if (TakeFault(request.HttpMethod, request.RawUrl ?? string.Empty))
            {
                Interlocked.Increment(ref _failed);
                await request.InputStream.CopyToAsync(Stream.Null);
                response.StatusCode = 503;
                response.Close();
                return;
            }

            using var forward = new HttpRequestMessage(new HttpMethod(request.HttpMethod), _upstreamRoot + request.RawUrl);
            if (request.HasEntityBody)
            {
                forward.Content = new StreamContent(request.InputStream);
                if (request.ContentLength64 >= 0)
                {
                    forward.Content.Headers.ContentLength = request.ContentLength64;
                }
            }

            foreach (var name in request.Headers.AllKeys.OfType<string>().Where(n => !NotForwarded.Contains(n)))
            {
                var values = request.Headers.GetValues(name) ?? [];
                if (!forward.Headers.TryAddWithoutValidation(name, values))
                {
                    forward.Content?.Headers.TryAddWithoutValidation(name, values);
                }
            }

            forward.Headers.Host = Address;
            using var answer = await _upstream.SendAsync(forward, HttpCompletionOption.ResponseHeadersRead);
            response.StatusCode = (int)answer.StatusCode;
            foreach (var (name, values) in answer.Headers.Concat(answer.Content.Headers).Where(h => !NotForwarded.Contains(h.Key)))
            {
                response.Headers[name] = string.Join(", ", values);
            }

            if (request.HttpMethod != "HEAD" && answer.Content.Headers.ContentLength is { } length)
            {
                response.ContentLength64 = length;
            }

            if (request.HttpMethod != "HEAD")
            {
                await answer.Content.CopyToAsync(response.OutputStream);
            }

            response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or HttpRequestException or ObjectDisposedException or InvalidOperationException)
        {
            // The client went away or the front stops: nothing to report.
            response.Abort();
        }
    }

    private bool TakeFault(string method, string path)
    {
        lock (_faults)
        {
            return _faults.TryPeek(out var next) && next.Method == method && path.Contains(next.Path, StringComparison.Ordinal) && _faults.TryDequeue(out _);
        }
    }
}
