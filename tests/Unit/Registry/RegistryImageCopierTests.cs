using System.Text.Json.Nodes;
using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenShift.Cluster;
using VeleroOpenShift.OpenShift.Images;
using VeleroOpenShift.Registry;
using VeleroOpenShift.Tests.OpenStack;

namespace VeleroOpenShift.Tests.Registry;

/// <summary>How the plugin's copier opens a backup storage location, before any object store is called.</summary>
public sealed class RegistryImageCopierTests
{
    private readonly CapturedLogs _logs = new();

    [Theory]
    [InlineData("aws")]
    [InlineData("velero.io/azure")]
    public async Task A_location_of_another_provider_is_refused_as_unsupported(string provider)
    {
        using var copier = Copier(new OfflineClusterLookups(objects: [Location(provider)]));

        var failure = await Assert.ThrowsAsync<InvalidConfigurationException>(
            () => copier.OpenStorageLocationTransportAsync(new StorageLocationTransportRequest("uid", "bsl1", "velero"), CancellationToken.None));

        Assert.Equal("BackupStorageLocation velero/bsl1", failure.Key);
        Assert.Contains($"unsupported provider '{provider}'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_location_fails_as_not_found_and_a_later_call_asks_again()
    {
        var cluster = new OfflineClusterLookups();
        using var copier = Copier(cluster);
        var request = new StorageLocationTransportRequest("uid", "bsl1", "velero");

        var missing = await Assert.ThrowsAsync<ClusterLookupException>(() => copier.OpenStorageLocationTransportAsync(request, CancellationToken.None));
        cluster.Add(Location("aws"));
        var second = await Assert.ThrowsAsync<InvalidConfigurationException>(() => copier.OpenStorageLocationTransportAsync(request, CancellationToken.None));

        Assert.True(missing.IsNotFound);
        Assert.Contains("unsupported provider", second.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reference_to_a_transport_that_was_never_opened_fails_naming_it()
    {
        using var copier = Copier(new OfflineClusterLookups());

        var failure = await Assert.ThrowsAsync<RegistryException>(() => copier.CopyAsync(
            new ImageCopyRequest("udistribution-swift-unknown://ns/app:v1", "docker://127.0.0.1:1/ns/app:v1", RegistryContext.MigrationRegistry, RegistryContext.InternalRegistry),
            CancellationToken.None));

        Assert.Equal(FailureKind.InvalidConfiguration, failure.Kind);
        Assert.Equal("udistribution-swift-unknown://ns/app:v1", failure.Image);
    }

    private RegistryImageCopier Copier(IClusterLookups cluster) =>
        new(cluster, _logs, TimeProvider.System, _ => null, new ImageCopyOptions { Retry = new RetryPolicy(1, TimeSpan.Zero) }, "/nonexistent/token");

    private static JsonObject Location(string provider) => new()
    {
        ["apiVersion"] = "velero.io/v1",
        ["kind"] = "BackupStorageLocation",
        ["metadata"] = new JsonObject { ["name"] = "bsl1", ["namespace"] = "velero" },
        ["spec"] = new JsonObject { ["provider"] = provider, ["objectStorage"] = new JsonObject { ["bucket"] = "b" } },
    };
}
