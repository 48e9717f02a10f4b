using Grpc.Core;
using Microsoft.Extensions.Hosting;
using VeleroOpenShift.PluginShim.Protos.GoPlugin;
using VeleroOpenShift.PluginShim.Protos.Health;
using VeleroOpenShift.PluginShim.Tests.Fakes;
using VeleroOpenShift.PluginShim.Tests.Infrastructure;
using VeleroOpenShift.Velero;
using Xunit;
using Generated = VeleroOpenShift.PluginShim.Protos.Generated;

namespace VeleroOpenShift.PluginShim.Tests.Services;

public sealed class GoPluginServicesTests : IAsyncLifetime
{
    private ShimServer _server = null!;

    public async Task InitializeAsync() => _server = await ShimServer.StartAsync(TestCatalog.Create());

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("plugin")]
    [InlineData("")]
    public async Task HealthCheckAnswersServingForThePluginService(string service)
    {
        var client = new Health.HealthClient(_server.Channel);

        var response = await client.CheckAsync(new HealthCheckRequest { Service = service });

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task HealthCheckOfAnUnknownServiceIsNotFound()
    {
        var client = new Health.HealthClient(_server.Channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.CheckAsync(new HealthCheckRequest { Service = "other" }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task HealthWatchReportsServingAndEndsWithTheServer()
    {
        using var watch = new Health.HealthClient(_server.Channel).Watch(new HealthCheckRequest { Service = "plugin" });

        Assert.True(await watch.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, watch.ResponseStream.Current.Status);
        await new GRPCController.GRPCControllerClient(_server.Channel).ShutdownAsync(new Empty());
        Assert.False(await watch.ResponseStream.MoveNext(CancellationToken.None));
    }

    [Fact]
    public async Task ListPluginsReportsEveryRegistrationWithTheLaunchCommand()
    {
        var client = new Generated.PluginLister.PluginListerClient(_server.Channel);

        var response = await client.ListPluginsAsync(new Generated.Empty());

        Assert.Equal(
            TestCatalog.Create().Registrations.Select(r => (ShimServer.LaunchCommand, r.Kind.WireName(), r.Name)),
            response.Plugins.Select(p => (p.Command, p.Kind, p.Name)));
    }

    [Fact]
    public async Task StdioAndBrokerStreamsStayOpenAndSilentUntilShutdown()
    {
        var stdio = new GRPCStdio.GRPCStdioClient(_server.Channel).StreamStdio(new Google.Protobuf.WellKnownTypes.Empty());
        var broker = new GRPCBroker.GRPCBrokerClient(_server.Channel).StartStream();
        await broker.RequestStream.WriteAsync(new ConnInfo { ServiceId = 1, Network = "unix", Address = "/tmp/x" });
        var stdioNext = stdio.ResponseStream.MoveNext(CancellationToken.None);
        var brokerNext = broker.ResponseStream.MoveNext(CancellationToken.None);

        // Another call completes while both streams are still pending.
        await new Health.HealthClient(_server.Channel).CheckAsync(new HealthCheckRequest { Service = "plugin" });
        Assert.False(stdioNext.IsCompleted);
        Assert.False(brokerNext.IsCompleted);

        await new GRPCController.GRPCControllerClient(_server.Channel).ShutdownAsync(new Empty());

        // Both end without having sent anything.
        Assert.False(await stdioNext);
        Assert.False(await brokerNext);
        stdio.Dispose();
        broker.Dispose();
    }

    [Fact]
    public async Task ShutdownRepliesAndThenStopsTheServer()
    {
        var lifetime = (IHostApplicationLifetime)_server.App.Services.GetService(typeof(IHostApplicationLifetime))!;
        var stopping = new TaskCompletionSource();
        using var registration = lifetime.ApplicationStopping.Register(stopping.SetResult);
        Assert.False(lifetime.ApplicationStopping.IsCancellationRequested);

        await new GRPCController.GRPCControllerClient(_server.Channel).ShutdownAsync(new Empty());
        await stopping.Task;

        Assert.True(lifetime.ApplicationStopping.IsCancellationRequested);
    }
}
