namespace VeleroOpenShift.OpenStack.Auth;

/// <summary>
/// A token and what came with it. Not a record: a generated ToString would print the token, and this object is
/// the kind of thing that ends up in a log line. <see cref="ToString"/> shows only the expiry.
/// </summary>
internal sealed class AuthToken
{
    public AuthToken(string value, DateTimeOffset? expiresAt, IReadOnlyList<CatalogService> catalog, Uri? storageUrl, KeystoneIdentity? identity = null)
    {
        Value = value;
        ExpiresAt = expiresAt;
        Catalog = catalog;
        StorageUrl = storageUrl;
        Identity = identity;
    }

    public string Value { get; }

    public DateTimeOffset? ExpiresAt { get; }

    public IReadOnlyList<CatalogService> Catalog { get; }

    /// <summary>The account URL Swift v1 auth hands out in place of a catalog; null for Keystone.</summary>
    public Uri? StorageUrl { get; }

    /// <summary>Who the token is for and where Keystone v3 answered; null for Swift v1 auth.</summary>
    public KeystoneIdentity? Identity { get; }

    public override string ToString() => ExpiresAt is { } expiry ? $"token expiring {expiry:O}" : "token without expiry";
}

/// <summary>The user a Keystone token was issued to, and the v3 endpoint (after version discovery) that issued it.</summary>
internal sealed record KeystoneIdentity(string UserId, string? ProjectId, Uri V3Endpoint);
