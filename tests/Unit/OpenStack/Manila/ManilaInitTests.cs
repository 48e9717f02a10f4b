using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenStack;

namespace VeleroOpenShift.Tests.OpenStack.Manila;

/// <summary>Init against the fake cloud of spec §10: authentication, endpoint choice, microversion negotiation (§6.2).</summary>
public sealed class ManilaInitTests : IDisposable
{
    private readonly FakeManilaSetup _setup = new();

    // manila/fs_store_test TestSimpleSharedFilesystemInit, with the token times of the reference fixture.
    [Fact]
    public async Task TestSimpleSharedFilesystemInit()
    {
        _setup.Cloud.TokenIssuedAt = DateTimeOffset.Parse("2025-02-27T16:30:59.999999Z", System.Globalization.CultureInfo.InvariantCulture);
        _setup.Cloud.TokenExpiresAt = DateTimeOffset.Parse("2025-02-27T18:30:59.999999Z", System.Globalization.CultureInfo.InvariantCulture);

        using var snapshotter = await _setup.SnapshotterAsync();

        Assert.Equal(new Uri(_setup.Cloud.ManilaEndpoint), snapshotter.Client!.Endpoint);
    }

    [Fact]
    public async Task Init_still_succeeds_with_2_7_when_the_versions_cannot_be_read()
    {
        _setup.Cloud.MaxMicroversion = null;

        using var snapshotter = await _setup.SnapshotterAsync();

        Assert.Equal("2.7", snapshotter.Client!.Microversion.ToString());
        Assert.Contains(_setup.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("Failed to obtain supported Manila microversions (using the default one: 2.7)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2.81", "2.45")]
    [InlineData("2.45", "2.45")]
    [InlineData("2.44", "2.7")]
    [InlineData("2.x", "2.7")]
    public async Task Without_enforceAZ_2_45_is_used_when_offered(string offered, string used)
    {
        _setup.Cloud.MaxMicroversion = offered;

        using var snapshotter = await _setup.SnapshotterAsync();

        Assert.Equal(used, snapshotter.Client!.Microversion.ToString());
    }

    [Fact]
    public async Task With_enforceAZ_2_56_is_required_and_used()
    {
        _setup.Cloud.MaxMicroversion = "2.73";

        using var snapshotter = await _setup.SnapshotterAsync(new() { ["enforceAZ"] = "true" });

        Assert.Equal("2.56", snapshotter.Client!.Microversion.ToString());
    }

    [Theory]
    [InlineData("2.55", "enforceAZ config option is not supported in your environment")]
    [InlineData("two", "failed to compare supported Manila microversions: invalid microversion string: two")]
    public async Task With_enforceAZ_an_older_or_unreadable_server_is_refused(string offered, string message)
    {
        _setup.Cloud.MaxMicroversion = offered;
        using var snapshotter = _setup.Create();

        var error = await Assert.ThrowsAsync<OpenStackException>(() => snapshotter.InitAsync(new Dictionary<string, string> { ["cloud"] = "myCloud", ["enforceAZ"] = "true" }, CancellationToken.None));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task Both_microversion_headers_go_with_every_manila_request()
    {
        _setup.Api.AddShare("s1", "nova");
        using var snapshotter = await _setup.SnapshotterAsync();

        await snapshotter.GetVolumeInfoAsync("s1", "", CancellationToken.None);

        var request = _setup.Cloud.Requests.Single(r => r.Path == "shares/s1");
        Assert.Equal(("2.45", "shared-file-system 2.45"), (request.Headers["X-OpenStack-Manila-API-Version"], request.Headers["OpenStack-API-Version"]));
    }

    [Fact]
    public async Task The_versions_document_is_read_beside_the_project_endpoint()
    {
        using var snapshotter = await _setup.SnapshotterAsync();

        Assert.Contains(_setup.Cloud.Requests, r => r.Method == "GET" && r.Path == "/v2/");
    }

    [Fact]
    public async Task The_region_selects_the_catalog_entry_and_an_unknown_one_is_reported()
    {
        using var snapshotter = _setup.Create(("OS_REGION_NAME", "nowhere"));

        var error = await Assert.ThrowsAsync<OpenStackException>(() => snapshotter.InitAsync(new Dictionary<string, string> { ["cloud"] = "myCloud", ["region"] = "myRegion" }, CancellationToken.None));

        Assert.Equal("failed to create manila storage client: No suitable endpoint could be found in the service catalog.", error.Message);
    }

    [Fact]
    public async Task A_missing_cloud_fails_authentication_with_the_plugins_wording()
    {
        using var snapshotter = _setup.Create();

        var error = await Assert.ThrowsAsync<OpenStackException>(() => snapshotter.InitAsync(new Dictionary<string, string> { ["cloud"] = "otherCloud" }, CancellationToken.None));

        Assert.StartsWith("failed to authenticate against OpenStack in shared filesystem plugin: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Methods_before_Init_are_refused()
    {
        using var snapshotter = _setup.Create();

        await Assert.ThrowsAsync<InvalidOperationException>(() => snapshotter.GetVolumeInfoAsync("s1", "", CancellationToken.None));
    }

    [Fact]
    public async Task Config_errors_come_before_any_request()
    {
        using var snapshotter = _setup.Create();

        var error = await Assert.ThrowsAsync<OpenStackException>(() => snapshotter.InitAsync(new Dictionary<string, string> { ["cloud"] = "myCloud", ["method"] = "image" }, CancellationToken.None));

        Assert.Equal(FailureKind.InvalidConfiguration, error.Kind);
        Assert.Empty(_setup.Cloud.Requests);
    }

    public void Dispose() => _setup.Dispose();
}
