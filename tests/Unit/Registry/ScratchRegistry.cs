using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace VeleroOpenShift.Tests.Registry;

/// <summary>
/// A Distribution registry of one test on a free port, storing in a given directory with the filesystem driver,
/// whose layout is the one the original plugin's embedded registry writes at the bucket root. Stopped by its process id.
/// </summary>
internal sealed class ScratchRegistry : IDisposable
{
    private readonly Process _process;

    public ScratchRegistry(string rootDirectory)
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Address = $"127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}";
        }

        var config = Path.Combine(Path.GetDirectoryName(rootDirectory.TrimEnd('/'))!, Path.GetFileName(rootDirectory.TrimEnd('/')) + ".yml");
        File.WriteAllText(config, $"""
            version: 0.1
            log:
              level: warn
            storage:
              filesystem:
                rootdirectory: {rootDirectory}
            http:
              addr: {Address}
            """);
        _process = Process.Start(new ProcessStartInfo("bash", [TestRepository.ClosingFds, "docker-registry", "serve", config]) { RedirectStandardOutput = true, RedirectStandardError = true })
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
    }
}
