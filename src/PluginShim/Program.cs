using System.Text;
using Microsoft.Extensions.Logging;
using VeleroOpenShift.PluginShim.CommandLine;
using VeleroOpenShift.PluginShim.Handshake;
using VeleroOpenShift.PluginShim.Hosting;
using VeleroOpenShift.PluginShim.Logging;
using VeleroOpenShift.Velero;

// go-plugin hosts on Windows use TCP; Velero's server pod is Linux-only (spec §9.3), so the shim is too.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

namespace VeleroOpenShift.PluginShim;

internal static partial class Program
{
    public static async Task<int> Main(string[] args)
    {
        // stdout carries the handshake line and nothing else (spec §2.4): anything printed before it breaks
        // discovery and stops the Velero server. Whatever else writes to Console.Out lands on stderr.
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = true };
        Console.SetOut(Console.Error);

        var arguments = ShimArguments.Parse(args);
        var environment = HandshakeEnvironment.FromProcess();
        if (!environment.LaunchedByHost)
        {
            return await ManualUse.RunAsync(arguments, stdout, Console.Error, CancellationToken.None).ConfigureAwait(false);
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
            var catalog = PluginSelection.FromProcess().Apply(PluginCatalog.Default);
            return await ShimHost.RunAsync(environment, catalog, logs, stdout, CancellationToken.None).ConfigureAwait(false);
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
