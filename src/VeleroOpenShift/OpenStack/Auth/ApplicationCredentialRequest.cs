namespace VeleroOpenShift.OpenStack.Auth;

/// <summary>What to ask Keystone for: a named credential, optionally expiring, limited to some of the caller's roles.</summary>
/// <param name="Roles">Role names; empty means every role the creating token has.</param>
/// <param name="Unrestricted">Lets the credential create further credentials and trusts; Keystone's default is off.</param>
public sealed record ApplicationCredentialRequest(string Name, string? Description, DateTimeOffset? ExpiresAt, IReadOnlyList<string> Roles, bool Unrestricted);
