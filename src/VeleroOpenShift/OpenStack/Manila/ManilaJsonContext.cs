using System.Text.Json.Serialization;

namespace VeleroOpenShift.OpenStack.Manila;

/// <summary>Source-generated serializers for the Manila messages: the plugin runs under Native AOT.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ShareEnvelope))]
[JsonSerializable(typeof(ShareList))]
[JsonSerializable(typeof(NewShareEnvelope))]
[JsonSerializable(typeof(SnapshotEnvelope))]
[JsonSerializable(typeof(SnapshotList))]
[JsonSerializable(typeof(NewSnapshotEnvelope))]
[JsonSerializable(typeof(AccessRuleList))]
[JsonSerializable(typeof(AccessEnvelope))]
[JsonSerializable(typeof(AllowAccessEnvelope))]
[JsonSerializable(typeof(ReplicaEnvelope))]
[JsonSerializable(typeof(ReplicaList))]
[JsonSerializable(typeof(NewReplicaEnvelope))]
[JsonSerializable(typeof(ManilaVersions))]
internal sealed partial class ManilaJsonContext : JsonSerializerContext;
