using VeleroOpenShift.Errors;

namespace VeleroOpenShift.OpenStack.Auth;

/// <summary>Builds the Keystone v3 token request body from a credential record (spec §3.6, §3.7).</summary>
internal static class TokenRequestBuilder
{
    public static TokenRequest Build(CloudEntry entry)
    {
        var auth = entry.Auth.Clone();
        TokenScope? scope;
        if (auth.HasApplicationCredential)
        {
            ApplyDomainDefaulting(auth);
            scope = null;
        }
        else if (auth.ProjectId.Length == 0 && auth.ProjectName.Length == 0)
        {
            scope = auth.SystemScope.Length > 0 ? new TokenScope(System: new SystemScope(true))
                : auth.DomainId.Length > 0 ? new TokenScope(Domain: new NameOrId(auth.DomainId, null))
                : auth.DomainName.Length > 0 ? new TokenScope(Domain: new NameOrId(null, auth.DomainName))
                : null;
        }
        else
        {
            ApplyDomainDefaulting(auth);
            scope = ProjectScope(auth);
        }

        if (entry.AuthType.Contains("token", StringComparison.Ordinal) || auth.Token.Length > 0)
        {
            auth.Username = auth.Password = auth.UserId = auth.UserDomainId = auth.UserDomainName = "";
            if (scope is null && auth.AllowReauth)
            {
                throw Invalid("cannot use AllowReauth, when the token ID is defined and auth scope is not set");
            }
        }

        return new TokenRequest(new TokenRequestAuth(Identity(auth), scope));
    }

    private static void ApplyDomainDefaulting(AuthInfo auth)
    {
        if (auth.DomainId.Length > 0)
        {
            auth.UserDomainId = auth.UserDomainId.Length > 0 ? auth.UserDomainId : auth.DomainId;
            auth.ProjectDomainId = auth.ProjectDomainId.Length > 0 ? auth.ProjectDomainId : auth.DomainId;
            auth.DomainId = "";
        }

        if (auth.DomainName.Length > 0)
        {
            auth.UserDomainName = auth.UserDomainName.Length > 0 ? auth.UserDomainName : auth.DomainName;
            auth.ProjectDomainName = auth.ProjectDomainName.Length > 0 ? auth.ProjectDomainName : auth.DomainName;
            auth.DomainName = "";
        }

        if (auth.DefaultDomain.Length > 0)
        {
            if (auth.UserDomainId.Length == 0 && auth.UserDomainName.Length == 0)
            {
                auth.UserDomainId = auth.DefaultDomain;
            }

            if (auth.ProjectDomainId.Length == 0 && auth.ProjectDomainName.Length == 0)
            {
                auth.ProjectDomainId = auth.DefaultDomain;
            }
        }
    }

    private static TokenScope ProjectScope(AuthInfo auth)
    {
        if (auth.ProjectId.Length > 0)
        {
            if (auth.ProjectDomainId.Length > 0 || auth.ProjectDomainName.Length > 0)
            {
                throw Invalid("You must provide exactly one of ProjectID or ProjectName in a Scope; a domain is only allowed with ProjectName");
            }

            return new TokenScope(Project: new ProjectScope(auth.ProjectId, null, null));
        }

        return new TokenScope(Project: new ProjectScope(null, auth.ProjectName, ExactlyOneDomain(auth.ProjectDomainId, auth.ProjectDomainName)
            ?? throw Invalid("You must provide exactly one of DomainID or DomainName in a Scope with ProjectName")));
    }

    private static TokenIdentity Identity(AuthInfo auth)
    {
        if (auth.Password.Length > 0)
        {
            return new TokenIdentity(["password"], Password: new PasswordMethod(PasswordUser(auth)));
        }

        if (auth.Token.Length > 0)
        {
            return new TokenIdentity(["token"], Token: new TokenMethod(auth.Token));
        }

        if (auth.ApplicationCredentialId.Length > 0)
        {
            return new TokenIdentity(["application_credential"], ApplicationCredential: new ApplicationCredentialMethod(auth.ApplicationCredentialId, null, RequireSecret(auth), null));
        }

        if (auth.ApplicationCredentialName.Length > 0)
        {
            var user = auth.UserId.Length > 0
                ? new UserReference(auth.UserId, null, null, null)
                : new UserReference(null, auth.Username, null, ExactlyOneDomain(auth.UserDomainId, auth.UserDomainName)
                    ?? throw Invalid("You must provide exactly one of DomainID or DomainName to authenticate by Username"));
            return new TokenIdentity(["application_credential"], ApplicationCredential: new ApplicationCredentialMethod(null, auth.ApplicationCredentialName, RequireSecret(auth), user));
        }

        throw Invalid("You must provide a password to authenticate");
    }

    private static UserReference PasswordUser(AuthInfo auth)
    {
        if ((auth.Username.Length > 0) == (auth.UserId.Length > 0))
        {
            throw Invalid("Exactly one of Username and UserID must be provided for password authentication");
        }

        if (auth.UserId.Length > 0)
        {
            return auth.UserDomainId.Length > 0 || auth.UserDomainName.Length > 0
                ? throw Invalid("You must not provide a domain together with a UserID")
                : new UserReference(auth.UserId, null, auth.Password, null);
        }

        return new UserReference(null, auth.Username, auth.Password, ExactlyOneDomain(auth.UserDomainId, auth.UserDomainName)
            ?? throw Invalid("You must provide exactly one of DomainID or DomainName to authenticate by Username"));
    }

    private static string RequireSecret(AuthInfo auth) =>
        auth.ApplicationCredentialSecret.Length > 0 ? auth.ApplicationCredentialSecret : throw Invalid("You must provide an Application Credential Secret");

    private static NameOrId? ExactlyOneDomain(string id, string name) =>
        (id.Length > 0, name.Length > 0) switch
        {
            (true, false) => new NameOrId(id, null),
            (false, true) => new NameOrId(null, name),
            _ => null,
        };

    private static OpenStackException Invalid(string problem) =>
        new(FailureKind.InvalidConfiguration, "auth", $"failed to build auth options: {problem}");
}
