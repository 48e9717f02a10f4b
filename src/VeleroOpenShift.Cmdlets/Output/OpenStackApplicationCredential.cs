using System.Management.Automation;
using System.Net;
using System.Security;
using VeleroOpenShift.OpenStack.Auth;

namespace VeleroOpenShift.Cmdlets.Output;

/// <summary>
/// A new Keystone application credential. Keystone shows the secret only once; here it is a SecureString, and
/// <see cref="Credential"/> gives it in the form Connect-OpenStack -ApplicationCredential takes.
/// </summary>
public sealed class OpenStackApplicationCredential
{
    internal OpenStackApplicationCredential(IssuedApplicationCredential issued, string? region)
    {
        Id = issued.Id;
        Name = issued.Name;
        Secret = new NetworkCredential("", issued.Secret).SecurePassword;
        Secret.MakeReadOnly();
        ProjectId = issued.ProjectId;
        ExpiresAt = issued.ExpiresAt;
        Roles = [.. issued.Roles];
        AuthUrl = issued.AuthUrl;
        Region = region;
    }

    public string Id { get; }

    public string Name { get; }

    public SecureString Secret { get; }

    public string? ProjectId { get; }

    /// <summary>Empty when the credential does not expire.</summary>
    public DateTimeOffset? ExpiresAt { get; }

    public string[] Roles { get; }

    /// <summary>The Keystone v3 URL to authenticate with it.</summary>
    public Uri AuthUrl { get; }

    /// <summary>The region the session that created it was working in; empty for any.</summary>
    public string? Region { get; }

    /// <summary>Id as user name and secret as password.</summary>
    public PSCredential Credential => new(Id, Secret);

    public override string ToString() => $"{Name} ({Id})";
}
