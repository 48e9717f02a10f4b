namespace VeleroOpenShift.OpenStack.Auth;

/// <summary>Obtains a fresh token with the credentials it was built with; one per identity API.</summary>
internal interface IAuthenticator
{
    /// <summary>Where tokens come from, for log lines (never carries credentials).</summary>
    Uri IdentityEndpoint { get; }

    Task<AuthToken> AuthenticateAsync(CancellationToken cancellationToken);
}
