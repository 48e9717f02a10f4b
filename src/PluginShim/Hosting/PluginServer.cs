using Grpc.Core;
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
using Generated = VeleroOpenShift.PluginShim.Protos.Generated;
using GoPlugin = VeleroOpenShift.PluginShim.Protos.GoPlugin;
using HealthProtos = VeleroOpenShift.PluginShim.Protos.Health;
using V1 = VeleroOpenShift.PluginShim.Protos.V1;
using V2 = VeleroOpenShift.PluginShim.Protos.V2;

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

            // PutObject carries whole backups in 1 MiB messages; with HTTP/2's default receive windows (1 MiB for the
            // connection, 768 KiB per stream) Velero would stall on a window update after every message.
            kestrel.Limits.Http2.InitialConnectionWindowSize = 16 * 1024 * 1024;
            kestrel.Limits.Http2.InitialStreamWindowSize = 8 * 1024 * 1024;
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
        services.AddSingleton(provider =>
        {
            var loggers = provider.GetRequiredService<ILoggerFactory>();
            var services = new PluginServices(loggers, options.Time)
            {
                Cluster = options.Cluster(loggers.CreateLogger("VeleroOpenShift.Cluster"), options.Time),
            };
            return services with { OpenShift = options.OpenShift with { ImageCopier = options.ImageCopier(services) } };
        });
        services.AddSingleton<PluginInstances>();
        services.AddSingleton<RpcErrorMapper>();
        services.AddSingleton<PluginDispatcher>();

        // The adapters are stateless singletons bound through their generated BindService: grpc-dotnet's
        // MapGrpcService<T> finds every method and its attributes by reflection, which cost 10-20 ms per
        // service at start-up, and Velero starts the plugin for every backup, restore and location check.
        services.AddSingleton<GrpcControllerService>();
        services.AddSingleton<GrpcStdioService>();
        services.AddSingleton<GrpcBrokerService>();
        services.AddSingleton<HealthService>();
        services.AddSingleton<PluginListerService>();
        services.AddSingleton<BackupItemActionService>();
        services.AddSingleton<BackupItemActionV2Service>();
        services.AddSingleton<RestoreItemActionService>();
        services.AddSingleton<RestoreItemActionV2Service>();
        services.AddSingleton<DeleteItemActionService>();
        services.AddSingleton<ItemBlockActionService>();
        services.AddSingleton<ObjectStoreService>();
        services.AddSingleton<VolumeSnapshotterService>();

        var app = builder.Build();
        Map<GrpcControllerService>(app, GoPlugin.GRPCController.BindService);
        Map<GrpcStdioService>(app, GoPlugin.GRPCStdio.BindService);
        Map<GrpcBrokerService>(app, GoPlugin.GRPCBroker.BindService);
        Map<HealthService>(app, HealthProtos.Health.BindService);
        Map<PluginListerService>(app, Generated.PluginLister.BindService);
        Map<BackupItemActionService>(app, Generated.BackupItemAction.BindService);
        Map<BackupItemActionV2Service>(app, V2.BackupItemAction.BindService);
        Map<RestoreItemActionService>(app, Generated.RestoreItemAction.BindService);
        Map<RestoreItemActionV2Service>(app, V2.RestoreItemAction.BindService);
        Map<DeleteItemActionService>(app, Generated.DeleteItemAction.BindService);
        Map<ItemBlockActionService>(app, V1.ItemBlockAction.BindService);
        Map<ObjectStoreService>(app, Generated.ObjectStore.BindService);
        Map<VolumeSnapshotterService>(app, Generated.VolumeSnapshotter.BindService);
        return app;
    }

    private static void Map<TAdapter>(WebApplication app, Func<TAdapter, ServerServiceDefinition> bind)
        where TAdapter : class =>
        app.MapGrpcService(provider => bind(provider.GetRequiredService<TAdapter>()));
}
