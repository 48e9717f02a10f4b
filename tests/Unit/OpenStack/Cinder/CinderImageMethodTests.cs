using System.Text.Json.Nodes;
using VeleroOpenShift.OpenStack;

namespace VeleroOpenShift.Tests.OpenStack.Cinder;

/// <summary>
/// The image method's request shapes and edge cases (source image properties, a min_ram that is no number, a stuck
/// image, a missing one) against the loopback fake, which follows Cinder's and Glance's API references; the round trip
/// of a volume's data through real Cinder and Glance is in Integration/CinderSnapshotterTests.
/// </summary>
public sealed class CinderImageMethodTests : IDisposable
{
    private const string ImageId = "ecb6a4b2-9f1c-4b3e-8a8b-2b9a3c1d7e01";

    private readonly LoopbackOpenStack _fake = new();
    private readonly CapturedLogs _logs = new();

    public CinderImageMethodTests()
    {
        _fake.Catalog.Add(LoopbackOpenStack.Service("image", _fake.GlanceUrl));
        _fake.MapVolume("v1", imageMetadata: """{"container_format":"bare","disk_format":"qcow2","image_name":"centos","min_ram":"512","hw_disk_bus":"scsi","checksum":"abc","os_hash_value":"f00","image_id":"old","empty":""}""");
        _fake.MapCinder("POST", "volumes/v1/action", _ => FakeAnswer.Json(202, $$$"""{"os-volume_upload_image":{"id":"v1","image_id":"{{{ImageId}}}","status":"uploading","container_format":"bare","disk_format":"qcow2"}}"""));
        _fake.MapGlance("GET", "images/" + ImageId, _ => FakeAnswer.Json(200, $$"""{"id":"{{ImageId}}","name":"v1.image.1","status":"active","size":1024}"""));
        _fake.MapGlance("PATCH", "images/" + ImageId, _ => FakeAnswer.Json(200, $$"""{"id":"{{ImageId}}","status":"active"}"""));
    }

    public void Dispose() => _fake.Dispose();

    [Fact]
    public async Task Uploading_a_volume_creates_a_private_image_with_the_source_images_properties()
    {
        using var snapshotter = await FakeCinder.InitAsync(_fake, _logs, new() { ["method"] = "image" });

        var id = await snapshotter.CreateSnapshotAsync("v1", "", new Dictionary<string, string> { ["velero.io/backup"] = "nightly" }, CancellationToken.None);

        Assert.Equal(ImageId, id);
        var upload = _fake.Single("POST", "volumes/v1/action");
        Assert.Equal("3.1", upload.Headers["X-OpenStack-Volume-API-Version"]);
        var body = upload.Body("os-volume_upload_image");
        Assert.Matches(@"^v1\.image\.\d+$", (string)body["image_name"]!);
        Assert.True((bool)body["force"]!);
        Assert.Equal("private", (string)body["visibility"]!);
        Assert.Equal("bare", (string)body["container_format"]!);
        Assert.Equal("qcow2", (string)body["disk_format"]!);

        var patch = _fake.Single("PATCH", "images/" + ImageId);
        Assert.Equal("application/openstack-images-v2.1-json-patch", patch.Headers["Content-Type"]);
        Assert.Equal(
            """[{"op":"replace","path":"/min_disk","value":75},{"op":"replace","path":"/min_ram","value":512},{"op":"add","path":"/hw_disk_bus","value":"scsi"},{"op":"add","path":"/image_name","value":"centos"}]""",
            patch.Body);
        Assert.DoesNotContain("nightly", patch.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_min_ram_that_is_not_a_number_is_skipped_with_a_warning()
    {
        _fake.MapVolume("v2", imageMetadata: """{"min_ram":"lots"}""");
        _fake.MapCinder("POST", "volumes/v2/action", _ => FakeAnswer.Json(202, $$$"""{"os-volume_upload_image":{"image_id":"{{{ImageId}}}"}}"""));
        using var snapshotter = await FakeCinder.InitAsync(_fake, _logs, new() { ["method"] = "image" });

        await snapshotter.CreateSnapshotAsync("v2", "", new Dictionary<string, string>(), CancellationToken.None);

        Assert.Equal("""[{"op":"replace","path":"/min_disk","value":75}]""", _fake.Single("PATCH", "images/" + ImageId).Body);
        Assert.False(_fake.Single("POST", "volumes/v2/action").Body("os-volume_upload_image").ContainsKey("disk_format"));
        Assert.Contains(_logs.Lines, line => line.StartsWith("Warning", StringComparison.Ordinal) && line.Contains("Cannot convert \"lots\" to integer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Restoring_an_image_creates_a_volume_from_it_without_metadata()
    {
        _fake.MapVolumeCreation("restored-2");
        using var snapshotter = await FakeCinder.InitAsync(_fake, _logs, new() { ["method"] = "image" });

        Assert.Equal("restored-2", await snapshotter.CreateVolumeFromSnapshotAsync(ImageId, "", "nova", null, CancellationToken.None));

        var body = _fake.Single("POST", "volumes").Body("volume");
        Assert.Matches($@"^{ImageId}\.image\.\d+$", (string)body["name"]!);
        Assert.Equal("Velero backup from image", (string)body["description"]!);
        Assert.Equal(ImageId, (string)body["imageRef"]!);
        Assert.Equal(1, (int)body["size"]!);
        Assert.Equal("nova", (string)body["availability_zone"]!);
        Assert.False(body.ContainsKey("volume_type"));
        Assert.False(body.ContainsKey("metadata"));
    }

    // Cinder refuses a volume from an image without a size. min_disk holds the source volume's size; without it,
    // the whole GiB the image's 3 GiB + 1 byte need.
    [Theory]
    [InlineData(75, 75)]
    [InlineData(0, 4)]
    public async Task A_restored_volume_gets_the_size_of_the_volume_the_image_was_made_from(int minDisk, int expectedSize)
    {
        _fake.MapGlance("GET", "images/" + ImageId, _ => FakeAnswer.Json(200, $$"""{"id":"{{ImageId}}","status":"active","size":3221225473,"min_disk":{{minDisk}}}"""));
        _fake.MapVolumeCreation("restored-3");
        using var snapshotter = await FakeCinder.InitAsync(_fake, _logs, new() { ["method"] = "image" });

        await snapshotter.CreateVolumeFromSnapshotAsync(ImageId, "", "", null, CancellationToken.None);

        Assert.Equal(expectedSize, (int)_fake.Single("POST", "volumes").Body("volume")["size"]!);
    }

    [Fact]
    public async Task Images_are_deleted_on_glance_and_a_missing_one_is_success()
    {
        _fake.MapGlance("DELETE", "images/" + ImageId, _ => new FakeAnswer(204));
        using var snapshotter = await FakeCinder.InitAsync(_fake, _logs, new() { ["method"] = "image" });

        await snapshotter.DeleteSnapshotAsync(ImageId, CancellationToken.None);
        await snapshotter.DeleteSnapshotAsync("gone", CancellationToken.None);

        Assert.Equal(["/image/v2/images/" + ImageId, "/image/v2/images/gone"], _fake.ServiceRequests.Where(r => r.Method == "DELETE").Select(r => r.Path));
        Assert.Contains(_logs.Lines, line => line.Contains("volume image is already deleted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_image_stuck_in_queued_times_out_naming_it_and_its_status()
    {
        _fake.MapGlance("GET", "images/" + ImageId, _ => FakeAnswer.Json(200, $$"""{"id":"{{ImageId}}","status":"queued"}"""));
        using var snapshotter = await FakeCinder.InitAsync(_fake, _logs, new() { ["method"] = "image", ["imageTimeout"] = "5s" });

        var failure = await Assert.ThrowsAsync<OpenStackException>(() => snapshotter.CreateSnapshotAsync("v1", "", new Dictionary<string, string>(), CancellationToken.None));

        Assert.Equal($"image {ImageId} didn't get into 'active' state within the time limit: image {ImageId} did not become active within 5s (last status \"queued\"): context deadline exceeded", failure.Message);
        Assert.Equal(VeleroOpenShift.Errors.FailureKind.Timeout, failure.Kind);
    }
}
