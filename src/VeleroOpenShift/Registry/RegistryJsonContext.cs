using System.Text.Json.Serialization;

namespace VeleroOpenShift.Registry;

/// <summary>A token service's answer; registries send <c>token</c>, <c>access_token</c> or both.</summary>
internal sealed record TokenResponse(
    [property: JsonPropertyName("token")] string? Token,
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("expires_in")] int? ExpiresIn);

/// <summary>The error body of the registry API: <c>{"errors":[{"code":"BLOB_UNKNOWN","message":"…"}]}</c>.</summary>
internal sealed record RegistryErrorBody([property: JsonPropertyName("errors")] List<RegistryError>? Errors);

internal sealed record RegistryError(
    [property: JsonPropertyName("code")] string? Code,
    [property: JsonPropertyName("message")] string? Message);

/// <summary>Source-generated serializers for the registry messages: the plugin runs under Native AOT.</summary>
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(RegistryErrorBody))]
internal sealed partial class RegistryJsonContext : JsonSerializerContext;
