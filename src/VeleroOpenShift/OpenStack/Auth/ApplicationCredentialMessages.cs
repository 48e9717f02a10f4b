using System.Text.Json.Serialization;

namespace VeleroOpenShift.OpenStack.Auth;

// Keystone v3 POST /v3/users/{user_id}/application_credentials request and response. Null members are omitted.

internal sealed record ApplicationCredentialCreateRequest([property: JsonPropertyName("application_credential")] ApplicationCredentialCreate ApplicationCredential);

/// <param name="ExpiresAt">UTC as "2026-11-24T06:30:00.000000Z": Keystone refuses the offset form System.Text.Json writes.</param>
internal sealed record ApplicationCredentialCreate(
    string Name,
    string? Description,
    [property: JsonPropertyName("expires_at")] string? ExpiresAt,
    IReadOnlyList<NameOrId>? Roles,
    bool? Unrestricted);

internal sealed record ApplicationCredentialCreateResponse([property: JsonPropertyName("application_credential")] ApplicationCredentialCreated? ApplicationCredential);

internal sealed record ApplicationCredentialCreated(
    string? Id,
    string? Name,
    string? Secret,
    [property: JsonPropertyName("project_id")] string? ProjectId,
    [property: JsonPropertyName("expires_at")] DateTimeOffset? ExpiresAt,
    IReadOnlyList<NameOrId>? Roles);
