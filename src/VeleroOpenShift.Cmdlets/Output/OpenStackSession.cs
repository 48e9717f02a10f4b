using VeleroOpenShift.OpenStack.Swift;

namespace VeleroOpenShift.Cmdlets.Output;

/// <summary>
/// An authenticated connection to one cloud's Swift account, from Connect-OpenStack. It shows where it is connected
/// and when its token expires; the token and the credentials it renews with are never exposed.
/// </summary>
public sealed class OpenStackSession
{
    internal OpenStackSession(SwiftAccount account, string source, string? region, string? cloud, Func<string, string?> environmentVariable)
    {
        Account = account;
        Source = source;
        Region = region;
        Cloud = cloud;
        EnvironmentVariable = environmentVariable;
    }

    /// <summary>What the credentials came from: <c>cloud &lt;name&gt;</c>, <c>environment</c>, or the auth URL with the kind of credential.</summary>
    public string Source { get; }

    public string? Region { get; }

    public Uri AccountUrl => Account.AccountUrl;

    /// <summary>Expiry of the current token; empty for identity services that give none (Swift tempauth).</summary>
    public DateTimeOffset? TokenExpiresAt => Account.TokenExpiresAt;

    internal SwiftAccount Account { get; }

    /// <summary>The clouds.yaml entry the session was made from; with <see cref="EnvironmentVariable"/>, what other services connect with.</summary>
    internal string? Cloud { get; }

    /// <summary>The OS_* variables as Connect-OpenStack resolved them (its parameters over the process environment).</summary>
    internal Func<string, string?> EnvironmentVariable { get; }

    public override string ToString() => $"{Source} ({AccountUrl})";
}
