using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace VeleroOpenShift.Tests.OpenStack.Integration;

/// <summary>What the proxy does to one new connection.</summary>
internal enum Fault
{
    /// <summary>Forward both ways untouched.</summary>
    Pass,

    /// <summary>Reset the connection as soon as it is accepted.</summary>
    Reset,

    /// <summary>Read the request head and answer 503 without asking Swift.</summary>
    Respond503,

    /// <summary>Read the request head and never answer.</summary>
    Stall,

    /// <summary>Forward, then reset both sides once <see cref="FaultProxy.CutAfterBytes"/> request bytes went through.</summary>
    CutRequest,
}

/// <summary>
/// A TCP proxy on 127.0.0.1 in front of Swift that applies queued faults to new connections, one fault per
/// connection, then passes everything. A client that retries opens a new connection, so each retry meets the next fault.
/// </summary>
internal sealed class FaultProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _upstream;
    private readonly ConcurrentQueue<Fault> _faults = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<Task> _connections = [];
    private readonly Task _acceptLoop;

    public FaultProxy(IPEndPoint upstream)
    {
        _upstream = upstream;
        _listener.Start();
        _acceptLoop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public long CutAfterBytes { get; set; } = 1024 * 1024;

    /// <summary>When set, every passing connection is cut <see cref="CutAfterBytes"/> after this text appears in
    /// its request bytes: aims at one request wherever the client's connection pool puts it.</summary>
    public string? CutMarker { get; set; }

    /// <summary>Faults applied so far, in order.</summary>
    public ConcurrentQueue<Fault> Applied { get; } = new();

    public void Enqueue(params Fault[] faults)
    {
        foreach (var fault in faults)
        {
            _faults.Enqueue(fault);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await Task.WhenAll(_connections.Append(_acceptLoop).Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var fault = _faults.TryDequeue(out var next) ? next : Fault.Pass;
            if (fault != Fault.Pass)
            {
                Applied.Enqueue(fault);
            }

            _connections.Add(HandleAsync(client, fault));
        }
    }

    private async Task HandleAsync(Socket client, Fault fault)
    {
        using (client)
        {
            try
            {
                switch (fault)
                {
                    case Fault.Reset:
                        Abort(client);
                        return;
                    case Fault.Respond503:
                        await ReadHeadAsync(client);
                        await client.SendAsync("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray(), _stop.Token);
                        client.Shutdown(SocketShutdown.Both);
                        return;
                    case Fault.Stall:
                        await ReadHeadAsync(client);
                        await DrainUntilClosedAsync(client);
                        return;
                    default:
                        await ForwardAsync(client, fault == Fault.CutRequest);
                        return;
                }
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException or IOException or ObjectDisposedException)
            {
                // The client went away or the proxy stops: nothing to report.
            }
        }
    }

    private async Task ForwardAsync(Socket client, bool cutFromStart)
    {
        using var upstream = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await upstream.ConnectAsync(_upstream, _stop.Token);
        using var done = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        var cut = cutFromStart ? new Cutter(null, CutAfterBytes, null) : CutMarker is { } marker ? new Cutter(marker, CutAfterBytes, Applied) : null;
        var toUpstream = PumpAsync(client, upstream, cut, done);
        var toClient = PumpAsync(upstream, client, null, done);
        await Task.WhenAny(toUpstream, toClient);
        await done.CancelAsync();
        await Task.WhenAll(toUpstream, toClient);
    }

    private static async Task PumpAsync(Socket from, Socket to, Cutter? cut, CancellationTokenSource done)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, done.Token);
                if (read == 0)
                {
                    return;
                }

                var allowed = cut?.Allow(buffer.AsSpan(0, read)) ?? read;
                await to.SendAsync(buffer.AsMemory(0, allowed), done.Token);
                if (allowed < read || cut?.Exhausted == true)
                {
                    Abort(from);
                    Abort(to);
                    return;
                }
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    /// <summary>Counts request bytes, from the start or from a marker on, and says how many of a chunk may pass.</summary>
    private sealed class Cutter(string? marker, long limit, ConcurrentQueue<Fault>? report)
    {
        private string _recent = "";
        private long _passed;
        private bool _armed = marker is null;

        public bool Exhausted => _armed && _passed >= limit;

        public int Allow(ReadOnlySpan<byte> chunk)
        {
            if (!_armed)
            {
                // Keep a tail so that a marker split across two reads is still found.
                var text = _recent + Encoding.Latin1.GetString(chunk);
                var at = text.IndexOf(marker!, StringComparison.Ordinal);
                if (at < 0)
                {
                    _recent = text[Math.Max(0, text.Length - marker!.Length)..];
                    return chunk.Length;
                }

                _armed = true;
                var afterMarker = text.Length - (at + marker!.Length);
                _passed = -(chunk.Length - afterMarker);
            }

            var allowed = (int)Math.Min(chunk.Length, limit - _passed);
            _passed += allowed;
            if (Exhausted)
            {
                report?.Enqueue(Fault.CutRequest);
            }

            return allowed;
        }
    }

    private async Task ReadHeadAsync(Socket client)
    {
        var head = new StringBuilder();
        var buffer = new byte[4096];
        while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await client.ReceiveAsync(buffer, _stop.Token);
            if (read == 0)
            {
                return;
            }

            head.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
    }

    private async Task DrainUntilClosedAsync(Socket client)
    {
        var buffer = new byte[4096];
        while (await client.ReceiveAsync(buffer, _stop.Token) > 0)
        {
        }
    }

    private static void Abort(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
