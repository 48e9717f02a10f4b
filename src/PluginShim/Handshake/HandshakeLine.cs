namespace VeleroOpenShift.PluginShim.Handshake;

/// <summary>
/// The one line go-plugin reads from stdout: <c>CORE|APP|NETWORK|ADDRESS|PROTOCOL|SERVERCERT</c>.
/// Core protocol 1, Velero's application protocol 2, gRPC, no certificate (Velero never enables AutoMTLS).
/// No seventh "multiplex" segment: the shim does not broker connections, and hosts older than
/// go-plugin 1.6 would glue it onto the certificate.
/// </summary>
internal static class HandshakeLine
{
    public const int CoreProtocolVersion = 1;

    /// <summary>Velero offers only 2 in PLUGIN_PROTOCOL_VERSIONS (1.14 to main), and it is all the shim speaks.</summary>
    public const int VeleroProtocolVersion = 2;

    public static string ForUnixSocket(string socketPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(socketPath);
        return $"{CoreProtocolVersion}|{VeleroProtocolVersion}|unix|{socketPath}|grpc|";
    }
}
