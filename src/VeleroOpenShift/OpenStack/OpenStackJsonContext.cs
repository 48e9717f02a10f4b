using System.Text.Json.Serialization;
using VeleroOpenShift.OpenStack.Auth;
using VeleroOpenShift.OpenStack.Swift;

namespace VeleroOpenShift.OpenStack;

/// <summary>Source-generated serializers for every OpenStack message: the plugin runs under Native AOT.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TokenRequest))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(VersionsDocument))]
[JsonSerializable(typeof(ApplicationCredentialCreateRequest))]
[JsonSerializable(typeof(ApplicationCredentialCreateResponse))]
[JsonSerializable(typeof(List<SwiftListingEntry>))]
[JsonSerializable(typeof(List<SwiftContainerEntry>))]
[JsonSerializable(typeof(List<SloSegment>))]
[JsonSerializable(typeof(BulkDeleteResult))]
internal sealed partial class OpenStackJsonContext : JsonSerializerContext;
