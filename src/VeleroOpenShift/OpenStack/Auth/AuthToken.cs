namespace VeleroOpenShift.OpenStack.Auth;

/// <summary>
/// A token and what came with it. Not a record: a generated ToString would print the token, and this object is
/// the kind of thing that ends up in a log line. <see cref="ToString"/> shows only the expiry.
/// </summary>
internal sealed class AuthToken
{
    public AuthToken(string value, DateTimeOffset? expiresAt, IReadOnlyList<CatalogService> catalog, Uri? storageUrl)
    {
        Value = value;
        ExpiresAt = expiresAt;
        Catalog = catalog;
        StorageUrl = storageUrl;
    }

    public string Value { get; }

    public DateTimeOffset? ExpiresAt { get; }

    public IReadOnlyList<CatalogService> Catalog { get; }

    /// <summary>The account URL Swift v1 auth hands out in place of a catalog; null for Keystone.</summary>
    public Uri? StorageUrl { get; }

    public override string ToString() => ExpiresAt is { } expiry ? $"token expiring {expiry:O}" : "token without expiry";
}
