using System.Text.Json.Serialization;

namespace VeleroOpenShift.OpenStack.Glance;

/// <summary>The fields of a Glance v2 image the snapshotter reads (<c>GET v2/images/{id}</c>); size in bytes, min_disk in GiB.</summary>
internal sealed record GlanceImage(string Id, string Status, int MinDisk = 0, long? Size = null);

/// <summary>Source-generated serializer for Glance answers (the plugin runs under Native AOT).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(GlanceImage))]
internal sealed partial class GlanceJsonContext : JsonSerializerContext;
