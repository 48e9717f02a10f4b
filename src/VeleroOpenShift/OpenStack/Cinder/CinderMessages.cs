using System.Text.Json.Serialization;

namespace VeleroOpenShift.OpenStack.Cinder;

// Cinder v3 wire shapes (spec §5.3-§5.7). Null members are omitted, which is how empty fields stay out of create requests.

/// <summary>A Cinder volume as <c>GET volumes/{id}</c> describes it; <see cref="CreatedAt"/> is Cinder's UTC text.</summary>
public sealed record CinderVolume(
    string Id,
    string? Name,
    string Status,
    long Size,
    [property: JsonPropertyName("volume_type")] string? VolumeType,
    [property: JsonPropertyName("availability_zone")] string? AvailabilityZone,
    IReadOnlyDictionary<string, string>? Metadata,
    [property: JsonPropertyName("volume_image_metadata")] IReadOnlyDictionary<string, string>? VolumeImageMetadata,
    [property: JsonPropertyName("created_at")] string? CreatedAt);

/// <summary>A Cinder snapshot as <c>GET snapshots/{id}</c> describes it; <see cref="CreatedAt"/> is Cinder's UTC text.</summary>
public sealed record CinderSnapshot(
    string Id,
    string? Name,
    string Status,
    [property: JsonPropertyName("volume_id")] string VolumeId,
    long Size,
    IReadOnlyDictionary<string, string>? Metadata,
    [property: JsonPropertyName("created_at")] string? CreatedAt);

/// <remarks>Cinder's answer to a backup POST has no status yet.</remarks>
internal sealed record CinderBackup(
    string Id,
    string? Name,
    string? Status,
    [property: JsonPropertyName("volume_id")] string? VolumeId,
    IReadOnlyDictionary<string, string>? Metadata);

internal sealed record VolumeEnvelope(CinderVolume Volume);

internal sealed record SnapshotEnvelope(CinderSnapshot Snapshot);

internal sealed record BackupEnvelope(CinderBackup Backup);

internal sealed record PageLink(string? Href, string? Rel);

internal sealed record VolumePage(
    IReadOnlyList<CinderVolume>? Volumes,
    [property: JsonPropertyName("volumes_links")] IReadOnlyList<PageLink>? VolumesLinks);

internal sealed record SnapshotPage(
    IReadOnlyList<CinderSnapshot>? Snapshots,
    [property: JsonPropertyName("snapshots_links")] IReadOnlyList<PageLink>? SnapshotsLinks);

internal sealed record BackupPage(
    IReadOnlyList<CinderBackup>? Backups,
    [property: JsonPropertyName("backups_links")] IReadOnlyList<PageLink>? BackupsLinks);

/// <summary>POST volumes. Cinder derives the size from a snapshot, volume or backup; from an image it needs one.</summary>
internal sealed record VolumeCreate(
    string Name,
    string Description,
    [property: JsonPropertyName("volume_type")] string? VolumeType = null,
    [property: JsonPropertyName("availability_zone")] string? AvailabilityZone = null,
    [property: JsonPropertyName("source_volid")] string? SourceVolid = null,
    [property: JsonPropertyName("snapshot_id")] string? SnapshotId = null,
    [property: JsonPropertyName("backup_id")] string? BackupId = null,
    [property: JsonPropertyName("imageRef")] string? ImageRef = null,
    IReadOnlyDictionary<string, string>? Metadata = null,
    int? Size = null);

internal sealed record VolumeCreateRequest(VolumeCreate Volume);

internal sealed record SnapshotCreate(
    [property: JsonPropertyName("volume_id")] string VolumeId,
    bool Force,
    string Name,
    string Description,
    IReadOnlyDictionary<string, string>? Metadata);

internal sealed record SnapshotCreateRequest(SnapshotCreate Snapshot);

internal sealed record BackupCreate(
    [property: JsonPropertyName("volume_id")] string VolumeId,
    bool Force,
    string Name,
    string Description,
    string Container,
    IReadOnlyDictionary<string, string>? Metadata,
    bool? Incremental);

internal sealed record BackupCreateRequest(BackupCreate Backup);

internal sealed record UploadImage(
    [property: JsonPropertyName("image_name")] string ImageName,
    bool Force,
    string Visibility,
    [property: JsonPropertyName("container_format")] string? ContainerFormat,
    [property: JsonPropertyName("disk_format")] string? DiskFormat);

internal sealed record UploadImageRequest([property: JsonPropertyName("os-volume_upload_image")] UploadImage Upload);

internal sealed record UploadedImage([property: JsonPropertyName("image_id")] string ImageId);

internal sealed record UploadImageResponse([property: JsonPropertyName("os-volume_upload_image")] UploadedImage? Upload);

internal sealed record ResetStatus(string Status);

internal sealed record ResetStatusRequest([property: JsonPropertyName("os-reset_status")] ResetStatus Reset);

/// <summary>Cinder's root document: <c>{"versions":[{"id":"v3.0","version":"3.70","min_version":"3.0"}]}</c>.</summary>
internal sealed record CinderVersions(IReadOnlyList<CinderVersion>? Versions);

internal sealed record CinderVersion(string? Id, string? Version);
