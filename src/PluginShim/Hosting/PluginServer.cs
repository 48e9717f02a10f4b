using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VeleroOpenShift.PluginShim.Dispatch;
using VeleroOpenShift.PluginShim.Errors;
using VeleroOpenShift.PluginShim.Services;
using VeleroOpenShift.PluginShim.Services.GoPlugin;
using VeleroOpenShift.Velero;

namespace VeleroOpenShift.PluginShim.Hosting;

/// <summary>
/// The gRPC server go-plugin talks to: cleartext HTTP/2 with prior knowledge on a Unix socket (spec §3),
/// go-plugin's own services and every Velero plugin service. Built from the empty builder so that no
/// configuration source, console logger or banner can reach stdout, and no ASPNETCORE_* variable that
/// happens to be in Velero's environment can add an endpoint.
/// </summary>
internal static class PluginServer
{
    /// <summary>
    /// Items and Backup/Restore objects travel in one message. Kubernetes caps objects near 1.5 MiB and the
    /// host sends up to 2 GiB, so the 4 MiB default is raised with headroom while a runaway request still
    /// gets RESOURCE_EXHAUSTED instead of exhausting memory.
    /// </summary>
    public const int MaxReceiveMessageBytes = 64 * 1024 * 1024;

    /// <summary>Bounds the graceful stop: Velero kills a plugin that has not exited 2 s after Shutdown.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromMilliseconds(800);

    public static WebApplication Build(ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "velero-openshift" });
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.ListenUnixSocket(options.SocketPath, listen => listen.Protocols = HttpProtocols.Http2);
        });

        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(options.Logs);
        builder.Logging.SetMinimumLevel(options.Logs.MinimumLevel);

        // Per-request framework chatter would flood Velero's log at info; framework problems still show.
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("Grpc", LogLevel.Warning);

        var services = builder.Services;
        services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);
        services.AddSingleton<IHostLifetime, SignalLifetime>();
        services.AddRoutingCore();
        services.AddGrpc(grpc => grpc.MaxReceiveMessageSize = MaxReceiveMessageBytes);
        services.AddSingleton(options.Time);
        services.AddSingleton(options.Catalog);
        services.AddSingleton(new LaunchCommandAccessor(options.LaunchCommand));
        services.AddSingleton(provider => new PluginServices(provider.GetRequiredService<ILoggerFactory>(), options.Time));
        services.AddSingleton<PluginInstances>();
        services.AddSingleton<RpcErrorMapper>();
        services.AddSingleton<PluginDispatcher>();

        var app = builder.Build();
        app.MapGrpcService<GrpcControllerService>();
        app.MapGrpcService<GrpcStdioService>();
        app.MapGrpcService<GrpcBrokerService>();
        app.MapGrpcService<HealthService>();
        app.MapGrpcService<PluginListerService>();
        app.MapGrpcService<BackupItemActionService>();
        app.MapGrpcService<BackupItemActionV2Service>();
        app.MapGrpcService<RestoreItemActionService>();
        app.MapGrpcService<RestoreItemActionV2Service>();
        app.MapGrpcService<DeleteItemActionService>();
        app.MapGrpcService<ItemBlockActionService>();
        app.MapGrpcService<ObjectStoreService>();
        app.MapGrpcService<VolumeSnapshotterService>();
        return app;
    }
}
