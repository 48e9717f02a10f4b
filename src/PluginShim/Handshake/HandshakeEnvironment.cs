using System.Collections;

namespace VeleroOpenShift.PluginShim.Handshake;

/// <summary>
/// The variables go-plugin sets for its child (protocol spec §2.1). Read once, from a snapshot, so tests
/// can supply their own.
/// </summary>
internal sealed record HandshakeEnvironment(
    string? MagicCookie,
    string? SocketDirectory,
    string? SocketGroup,
    bool ClientCertificatePresent)
{
    public const string MagicCookieKey = "VELERO_PLUGIN";
    public const string MagicCookieValue = "hello";

    /// <summary>Whether a go-plugin host launched us; without the cookie a person did.</summary>
    public bool LaunchedByHost => MagicCookie == MagicCookieValue;

    public static HandshakeEnvironment FromProcess() => From(Environment.GetEnvironmentVariables());

    public static HandshakeEnvironment From(IDictionary variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        return new HandshakeEnvironment(
            Get(MagicCookieKey),
            Get("PLUGIN_UNIX_SOCKET_DIR"),
            Get("PLUGIN_UNIX_SOCKET_GROUP"),
            !string.IsNullOrEmpty(Get("PLUGIN_CLIENT_CERT")));

        string? Get(string key) => variables[key] as string is { Length: > 0 } value ? value : null;
    }
}
