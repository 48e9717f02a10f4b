namespace VeleroOpenShift.OpenStack.Auth;

/// <summary>One cloud as resolved from clouds.yaml (after profile and secure.yaml merges) or from the environment.</summary>
internal sealed class CloudEntry
{
    public string AuthType { get; set; } = "";
    public string IdentityApiVersion { get; set; } = "";
    public AuthInfo Auth { get; set; } = new();

    /// <summary>TLS extension (spec §12): CA bundle file for the identity and service endpoints.</summary>
    public string CaCertFile { get; set; } = "";

    /// <summary>TLS extension (spec §12): <c>verify: false</c> in clouds.yaml; null when absent.</summary>
    public bool? Verify { get; set; }
}
