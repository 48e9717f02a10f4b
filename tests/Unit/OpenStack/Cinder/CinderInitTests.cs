using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenStack;
using VeleroOpenShift.OpenStack.Auth;
using VeleroOpenShift.OpenStack.Cinder;
using VeleroOpenShift.OpenStack.Volumes;

namespace VeleroOpenShift.Tests.OpenStack.Cinder;

public sealed class CinderInitTests : IDisposable
{
    private readonly LoopbackOpenStack _fake = new();
    private readonly CapturedLogs _logs = new();

    public void Dispose() => _fake.Dispose();

    /// <summary>Reference test TestSimpleBlockStorageInit.</summary>
    [Fact]
    public async Task A_clouds_yaml_cloud_initialises_the_snapshot_method_without_contacting_cinder()
    {
        using var directory = new TempDirectory();
        directory.Write("clouds.yaml", $"""
            clouds:
              myCloud:
                auth:
                  user_domain_name: users
                  auth_url: {_fake.Address}v3/auth/tokens
                  username: user
                  password: pass
                  project_name: project
                  project_domain_name: domain
                identity_api_version: 3
            """);
        _fake.Catalog =
        [
            LoopbackOpenStack.Service("volumev3", "https://localhost:8776/v3/955f0136ed4611ee9f489cb6d0fbac9d", "myRegion"),
            LoopbackOpenStack.Service("volumev3", "https://localhost2:8776/v3/955f0136ed4611ee9f489cb6d0fbac9d", "secondRegion"),
        ];
        _fake.Catalog[0]["endpoints"]!.AsArray().Insert(0, new System.Text.Json.Nodes.JsonObject { ["interface"] = "internal", ["region"] = "myRegion", ["url"] = "http://localhost:8776/v3/955f0136ed4611ee9f489cb6d0fbac9d" });
        using var snapshotter = new CinderVolumeSnapshotter(_logs, TimeProvider.System, TestEnvironment.Of(), new CloudConfigFiles(null, [directory.Path]), ResourceNames.Shared);

        await snapshotter.InitAsync(new Dictionary<string, string> { ["cloud"] = "myCloud" }, CancellationToken.None);

        Assert.Equal("https://localhost:8776/v3/955f0136ed4611ee9f489cb6d0fbac9d/", snapshotter.Operations!.Cinder.Endpoint.ToString());
        Assert.Null(snapshotter.Operations.Cinder.Microversion);
        Assert.Empty(_fake.ServiceRequests);
        Assert.Contains(_logs.Lines, line => line.Contains("BlockStore.Init called", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_backup_method_asks_for_the_highest_microversion_and_sends_3_47_in_both_headers()
    {
        _fake.MapVolume("v1");
        using var snapshotter = await FakeCinder.InitAsync(_fake, _logs, new() { ["method"] = "backup" });

        await snapshotter.GetVolumeInfoAsync("v1", "", CancellationToken.None);

        Assert.Single(_fake.ServiceRequests, r => r.Method == "GET" && r.Path == "/volume/");
        var get = _fake.Single("GET", "volumes/v1");
        Assert.Equal("3.47", get.Headers["X-OpenStack-Volume-API-Version"]);
        Assert.Equal("volume 3.47", get.Headers["OpenStack-API-Version"]);
        Assert.Contains(_logs.Lines, line => line.Contains("Setting the supported 3.47 microversion", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_snapshot_and_clone_methods_send_no_version_headers()
    {
        _fake.MapVolume("v1");
        using var snapshotter = await FakeCinder.InitAsync(_fake, _logs, new() { ["method"] = "clone" });

        var info = await snapshotter.GetVolumeInfoAsync("v1", "", CancellationToken.None);

        Assert.Equal(new VeleroOpenShift.Velero.Contracts.VolumeInfo("lvmdriver-1", null), info);
        Assert.False(_fake.Single("GET", "volumes/v1").Headers.ContainsKey("OpenStack-API-Version"));
    }

    [Theory]
    [InlineData("backup", "3.46", "the 3.46 Cinder microversion doesn't support backups")]
    [InlineData("image", "3.0", "the 3.0 Cinder microversion doesn't support images")]
    public async Task A_cinder_too_old_for_the_method_fails_init(string method, string max, string message)
    {
        _fake.MaxMicroversion = max;

        var failure = await Assert.ThrowsAsync<OpenStackException>(() => FakeCinder.InitAsync(_fake, _logs, new() { ["method"] = method }));

        Assert.Equal(message, failure.Message);
        Assert.Equal(FailureKind.NotSupported, failure.Kind);
    }

    [Fact]
    public async Task An_unreadable_microversion_fails_init_with_the_reference_wording()
    {
        _fake.MaxMicroversion = "three";

        var failure = await Assert.ThrowsAsync<OpenStackException>(() => FakeCinder.InitAsync(_fake, _logs, new() { ["method"] = "backup" }));

        Assert.Equal("failed to compare supported Cinder microversions: invalid microversion string: three", failure.Message);
    }

    [Fact]
    public async Task The_image_method_needs_glance_in_the_catalog()
    {
        var failure = await Assert.ThrowsAsync<OpenStackException>(() => FakeCinder.InitAsync(_fake, _logs, new() { ["method"] = "image" }));

        Assert.Equal("failed to create glance image client: No suitable endpoint could be found in the service catalog.", failure.Message);
    }

    [Fact]
    public async Task A_volumev2_only_catalog_has_no_cinder_v3_endpoint()
    {
        _fake.Catalog = [LoopbackOpenStack.Service("volumev2", $"{_fake.Address}volume/v2/{LoopbackOpenStack.Project}")];

        var failure = await Assert.ThrowsAsync<OpenStackException>(() => FakeCinder.InitAsync(_fake, _logs, []));

        Assert.Equal("failed to create cinder storage client: No suitable endpoint could be found in the service catalog.", failure.Message);
        Assert.Equal(FailureKind.NotFound, failure.Kind);
    }

    [Fact]
    public async Task OS_REGION_NAME_picks_the_endpoint_over_the_location_region()
    {
        _fake.Catalog =
        [
            LoopbackOpenStack.Service("volumev3", $"{_fake.Address}volume/v3/{LoopbackOpenStack.Project}", "RegionOne"),
            LoopbackOpenStack.Service("block-storage", $"http://localhost2/v3/{LoopbackOpenStack.Project}", "RegionTwo"),
        ];

        using var byEnvironment = await FakeCinder.InitAsync(_fake, _logs, new() { ["region"] = "RegionOne" }, ("OS_REGION_NAME", "RegionTwo"));
        using var byLocation = await FakeCinder.InitAsync(_fake, _logs, new() { ["region"] = "RegionTwo" });

        Assert.Equal("localhost2", byEnvironment.Operations!.Cinder.Endpoint.Host);
        Assert.Equal("localhost2", byLocation.Operations!.Cinder.Endpoint.Host);
    }

    [Fact]
    public async Task A_failed_authentication_is_wrapped_for_the_block_storage_plugin()
    {
        var failure = await Assert.ThrowsAsync<OpenStackException>(() => FakeCinder.InitAsync(_fake, _logs, [], ("OS_AUTH_URL", "")));

        Assert.StartsWith("failed to authenticate against OpenStack in block storage plugin: ", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Methods_before_init_say_so()
    {
        using var snapshotter = new CinderVolumeSnapshotter(_logs, TimeProvider.System, name => null);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => snapshotter.DeleteSnapshotAsync("s1", CancellationToken.None));

        Assert.Equal("VolumeSnapshotter.Init must be called before any other method", failure.Message);
    }
}
