namespace VeleroOpenShift.OpenStack.Auth;

/// <summary>
/// An application credential Keystone just created. The secret is shown once by Keystone and cannot be read back;
/// <see cref="ToString"/> leaves it out so that it never reaches a log line by accident.
/// </summary>
public sealed class IssuedApplicationCredential(string id, string name, string secret, string? projectId, DateTimeOffset? expiresAt, IReadOnlyList<string> roles, Uri authUrl)
{
    public string Id { get; } = id;

    public string Name { get; } = name;

    public string Secret { get; } = secret;

    public string? ProjectId { get; } = projectId;

    public DateTimeOffset? ExpiresAt { get; } = expiresAt;

    public IReadOnlyList<string> Roles { get; } = roles;

    /// <summary>The Keystone v3 URL to authenticate with it (what OS_AUTH_URL should say).</summary>
    public Uri AuthUrl { get; } = authUrl;

    public override string ToString() => $"application credential {Name} ({Id})";
}
