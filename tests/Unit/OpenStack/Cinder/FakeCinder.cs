using System.Text.Json.Nodes;
using VeleroOpenShift.OpenStack.Auth;
using VeleroOpenShift.OpenStack.Cinder;
using VeleroOpenShift.OpenStack.Volumes;

namespace VeleroOpenShift.Tests.OpenStack.Cinder;

/// <summary>Fixtures of the reference's Cinder tests (spec §10) and snapshotters initialised against <see cref="LoopbackOpenStack"/>.</summary>
internal static class FakeCinder
{
    public const string VolumeWithBackup = "521752a6-acf6-4b2d-bc7a-119f9148cd8c";
    public const string VolumeWithoutBackup = "591752a6-acf6-4b2d-bc7a-119f9148cd8c";
    public const string BackupId = "d32019d3-bc6e-4319-9c1d-6722fc136a22";

    /// <param name="extraEnvironment">Added to, or replacing, the fake's OS_* variables.</param>
    public static async Task<CinderVolumeSnapshotter> InitAsync(LoopbackOpenStack fake, CapturedLogs logs, Dictionary<string, string> config, params (string, string)[] extraEnvironment)
    {
        var snapshotter = new CinderVolumeSnapshotter(logs, TimeProvider.System, TestEnvironment.Of([.. fake.Environment.Where(v => !extraEnvironment.Any(e => e.Item1 == v.Item1)), .. extraEnvironment]), new CloudConfigFiles(null, []), ResourceNames.Shared);
        try
        {
            await snapshotter.InitAsync(config, CancellationToken.None);
            return snapshotter;
        }
        catch
        {
            snapshotter.Dispose();
            throw;
        }
    }

    /// <summary>The reference's volume fixture: type lvmdriver-1, 75 GiB, zone nova, available, created from a CentOS image.</summary>
    public static string Volume(string id, string status = "available", string metadata = "{}", string imageMetadata = """{"container_format":"bare","image_name":"centos"}""") =>
        $$$$"""{"volume":{"id":"{{{{id}}}}","name":"vol-001","status":"{{{{status}}}}","size":75,"availability_zone":"nova","volume_type":"lvmdriver-1","metadata":{{{{metadata}}}},"volume_image_metadata":{{{{imageMetadata}}}},"created_at":"2025-02-27T16:30:59.000000"}}""";

    public static string Snapshot(string id, string volumeId, string status = "available") =>
        $$$$"""{"snapshot":{"id":"{{{{id}}}}","name":"snap","status":"{{{{status}}}}","volume_id":"{{{{volumeId}}}}","size":75,"metadata":{}}}""";

    public static string Backup(string id, string status = "available", string metadata = "null") =>
        $$$$"""{"backup":{"id":"{{{{id}}}}","name":"backup","status":"{{{{status}}}}","volume_id":"{{{{VolumeWithBackup}}}}","metadata":{{{{metadata}}}}}}""";

    /// <summary>Maps GET volumes/{id} to <see cref="Volume"/>.</summary>
    public static void MapVolume(this LoopbackOpenStack fake, string id, string status = "available", string metadata = "{}", string imageMetadata = """{"container_format":"bare","image_name":"centos"}""") =>
        fake.MapCinder("GET", "volumes/" + id, _ => FakeAnswer.Json(200, Volume(id, status, metadata, imageMetadata)));

    /// <summary>POST volumes answers a new volume <paramref name="newId"/>, which is then available.</summary>
    public static void MapVolumeCreation(this LoopbackOpenStack fake, string newId)
    {
        fake.MapCinder("POST", "volumes", _ => FakeAnswer.Json(202, Volume(newId, "creating")));
        fake.MapVolume(newId);
    }

    public static JsonObject Body(this SeenRequest request, string envelope) => request.Json![envelope]!.AsObject();

    public static SeenRequest Single(this LoopbackOpenStack fake, string method, string relativePath) =>
        fake.ServiceRequests.Single(r => r.Method == method && r.Path.EndsWith("/" + relativePath, StringComparison.Ordinal));
}
