using System.Text;
using Microsoft.Extensions.Logging;
using VeleroOpenShift.PluginShim.CommandLine;
using VeleroOpenShift.PluginShim.Handshake;
using VeleroOpenShift.PluginShim.Hosting;
using VeleroOpenShift.PluginShim.Logging;
using VeleroOpenShift.Velero;

namespace VeleroOpenShift.PluginShim;

/// <summary>
/// The process's whole life for a given catalogue. Program passes the product's; the benchmark passes
/// one with an echo action so it measures the same start-up and call path.
/// </summary>
internal static partial class ShimEntryPoint
{
    public static async Task<int> RunAsync(string[] args, PluginCatalog catalogue)
    {
        // stdout carries the handshake line and nothing else (spec §2.4): anything printed before it breaks
        // discovery and stops the Velero server. Whatever else writes to Console.Out lands on stderr.
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = true };
        Console.SetOut(Console.Error);

        var arguments = ShimArguments.Parse(args);
        var environment = HandshakeEnvironment.FromProcess();
        if (!environment.LaunchedByHost)
        {
            return await ManualUse.RunAsync(arguments, catalogue, stdout, Console.Error, CancellationToken.None).ConfigureAwait(false);
        }

        using var logs = new JsonLineLoggerProvider(new JsonLineWriter(Console.OpenStandardError()), VeleroLogLevel.Parse(arguments.LogLevel));
        var logger = logs.CreateLogger("VeleroOpenShift.PluginShim");

        // The runtime's own crash report is not JSON, and Velero would file it at debug.
        AppDomain.CurrentDomain.UnhandledException += (_, e) => LogCrash(logger, e.ExceptionObject as Exception);
        TaskScheduler.UnobservedTaskException += (_, e) =>
        {
            LogUnobserved(logger, e.Exception);
            e.SetObserved();
        };

        try
        {
            var served = PluginSelection.FromProcess().Apply(catalogue);
            return await ShimHost.RunAsync(environment, served, logs, stdout, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            LogStartFailed(logger, e);
            return 1;
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "velero-openshift crashed")]
    private static partial void LogCrash(ILogger logger, Exception? exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "a background task failed")]
    private static partial void LogUnobserved(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Critical, Message = "velero-openshift stopped on an error")]
    private static partial void LogStartFailed(ILogger logger, Exception exception);
}
