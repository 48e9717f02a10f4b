using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;

namespace VeleroOpenShift.PluginShim.Hosting;

/// <summary>
/// Replaces the console lifetime: SIGTERM stops the server gracefully; SIGINT is ignored, as Go plugins
/// do, so a Ctrl-C aimed at a host in a terminal does not kill the plugin under it. No status messages.
/// </summary>
internal sealed class SignalLifetime(IHostApplicationLifetime lifetime) : IHostLifetime, IDisposable
{
    private PosixSignalRegistration? _interrupt;
    private PosixSignalRegistration? _terminate;

    public Task WaitForStartAsync(CancellationToken cancellationToken)
    {
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => signal.Cancel = true);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            lifetime.StopApplication();
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        _interrupt?.Dispose();
        _terminate?.Dispose();
    }
}
