using System.Text.Json.Nodes;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.PluginShim.Tests.Fakes;

internal sealed class FakeVolumeSnapshotter : IVolumeSnapshotter
{
    public Task InitAsync(IReadOnlyDictionary<string, string> config, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<string> CreateVolumeFromSnapshotAsync(string snapshotId, string volumeType, string volumeAvailabilityZone, long? iops, CancellationToken cancellationToken) =>
        Task.FromResult($"vol-from-{snapshotId}-{volumeType}-{volumeAvailabilityZone}-{(iops is null ? "none" : iops.ToString())}");

    public Task<VolumeInfo> GetVolumeInfoAsync(string volumeId, string volumeAvailabilityZone, CancellationToken cancellationToken) =>
        Task.FromResult(new VolumeInfo("ssd", volumeId == "provisioned" ? 3000 : null));

    public Task<string> CreateSnapshotAsync(string volumeId, string volumeAvailabilityZone, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken) =>
        Task.FromResult($"snap-{volumeId}-{string.Join(",", tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}"))}");

    public Task DeleteSnapshotAsync(string snapshotId, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<string?> GetVolumeIdAsync(JsonObject persistentVolume, CancellationToken cancellationToken) =>
        Task.FromResult(persistentVolume["spec"]?["cinder"]?["volumeID"]?.GetValue<string>());

    public Task<JsonObject> SetVolumeIdAsync(JsonObject persistentVolume, string volumeId, CancellationToken cancellationToken)
    {
        persistentVolume["spec"]!["cinder"]!["volumeID"] = volumeId;
        return Task.FromResult(persistentVolume);
    }
}
