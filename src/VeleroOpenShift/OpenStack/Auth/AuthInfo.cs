namespace VeleroOpenShift.OpenStack.Auth;

/// <summary>
/// The credential record of a cloud: a clouds.yaml <c>auth</c> section, the Swift-only variables, or the
/// environment fill-in. Mutable because the spec builds it in steps (file, then environment, then domain defaulting).
/// </summary>
internal sealed class AuthInfo
{
    public string AuthUrl { get; set; } = "";
    public string Token { get; set; } = "";
    public string Username { get; set; } = "";
    public string UserId { get; set; } = "";
    public string Password { get; set; } = "";
    public string ProjectId { get; set; } = "";
    public string ProjectName { get; set; } = "";
    public string DomainId { get; set; } = "";
    public string DomainName { get; set; } = "";
    public string DefaultDomain { get; set; } = "";
    public string ProjectDomainId { get; set; } = "";
    public string ProjectDomainName { get; set; } = "";
    public string UserDomainId { get; set; } = "";
    public string UserDomainName { get; set; } = "";
    public string ApplicationCredentialId { get; set; } = "";
    public string ApplicationCredentialName { get; set; } = "";
    public string ApplicationCredentialSecret { get; set; } = "";
    public string SystemScope { get; set; } = "";
    public bool AllowReauth { get; set; }

    public bool HasApplicationCredential =>
        ApplicationCredentialId.Length > 0 || ApplicationCredentialName.Length > 0 || ApplicationCredentialSecret.Length > 0;

    public AuthInfo Clone() => (AuthInfo)MemberwiseClone();
}
