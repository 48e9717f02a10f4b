using System.Text.Json.Serialization;

namespace VeleroOpenShift.OpenStack.Auth;

// Keystone v3 wire shapes (POST /v3/auth/tokens request and response, version discovery). Null members are omitted.

internal sealed record TokenRequest(TokenRequestAuth Auth);

internal sealed record TokenRequestAuth(TokenIdentity Identity, TokenScope? Scope);

internal sealed record TokenIdentity(
    IReadOnlyList<string> Methods,
    PasswordMethod? Password = null,
    TokenMethod? Token = null,
    [property: JsonPropertyName("application_credential")] ApplicationCredentialMethod? ApplicationCredential = null);

internal sealed record PasswordMethod(UserReference User);

internal sealed record TokenMethod(string Id);

internal sealed record ApplicationCredentialMethod(string? Id, string? Name, string Secret, UserReference? User);

internal sealed record UserReference(string? Id, string? Name, string? Password, NameOrId? Domain);

internal sealed record NameOrId(string? Id, string? Name);

internal sealed record TokenScope(ProjectScope? Project = null, NameOrId? Domain = null, SystemScope? System = null);

internal sealed record ProjectScope(string? Id, string? Name, NameOrId? Domain);

internal sealed record SystemScope(bool All);

internal sealed record TokenResponse(TokenBody? Token);

internal sealed record TokenBody(
    [property: JsonPropertyName("expires_at")] DateTimeOffset? ExpiresAt,
    IReadOnlyList<CatalogService>? Catalog,
    NameOrId? User = null,
    NameOrId? Project = null);

internal sealed record CatalogService(string? Type, string? Name, IReadOnlyList<CatalogEndpoint>? Endpoints);

internal sealed record CatalogEndpoint(
    string? Interface,
    string? Region,
    [property: JsonPropertyName("region_id")] string? RegionId,
    string? Url);

internal sealed record VersionsDocument(VersionList? Versions);

internal sealed record VersionList(IReadOnlyList<VersionEntry>? Values);

internal sealed record VersionEntry(string? Id, string? Status, IReadOnlyList<VersionLink>? Links);

internal sealed record VersionLink(string? Rel, string? Href);
