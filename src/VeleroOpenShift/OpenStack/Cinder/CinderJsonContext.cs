using System.Text.Json.Serialization;

namespace VeleroOpenShift.OpenStack.Cinder;

/// <summary>Source-generated serializers for the Cinder messages (the plugin runs under Native AOT).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(VolumeEnvelope))]
[JsonSerializable(typeof(SnapshotEnvelope))]
[JsonSerializable(typeof(BackupEnvelope))]
[JsonSerializable(typeof(VolumePage))]
[JsonSerializable(typeof(SnapshotPage))]
[JsonSerializable(typeof(BackupPage))]
[JsonSerializable(typeof(VolumeCreateRequest))]
[JsonSerializable(typeof(SnapshotCreateRequest))]
[JsonSerializable(typeof(BackupCreateRequest))]
[JsonSerializable(typeof(UploadImageRequest))]
[JsonSerializable(typeof(UploadImageResponse))]
[JsonSerializable(typeof(ResetStatusRequest))]
[JsonSerializable(typeof(CinderVersions))]
internal sealed partial class CinderJsonContext : JsonSerializerContext;
