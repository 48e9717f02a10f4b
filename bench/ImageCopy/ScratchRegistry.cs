using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace VeleroOpenShift.Bench.ImageCopy;

/// <summary>
/// An empty Distribution registry on a free port, for one copier's first copy: skopeo remembers which registries
/// hold which blobs (its blob-info cache) and mounts them from another repository, so a destination that has seen
/// the image before would not measure a copy. Stopped by its process id; its storage is deleted.
/// </summary>
internal sealed class ScratchRegistry : IDisposable
{
    private readonly Process _process;
    private readonly string _directory = Directory.CreateTempSubdirectory("vos-bench-registry-").FullName;

    public ScratchRegistry()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Address = $"127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}";
        }

        var config = Path.Combine(_directory, "config.yml");
        File.WriteAllText(config, $"""
            version: 0.1
            log:
              level: error
            storage:
              filesystem:
                rootdirectory: {_directory}/data
            http:
              addr: {Address}
            """);
        _process = Process.Start(new ProcessStartInfo("docker-registry", ["serve", config]) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException("docker-registry did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var response = client.GetAsync(new Uri($"http://{Address}/v2/")).GetAwaiter().GetResult();
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Thread.Sleep(100);
            }
        }

        Dispose();
        throw new InvalidOperationException($"the scratch registry on {Address} did not answer");
    }

    public string Address { get; }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(TimeSpan.FromSeconds(10));
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
