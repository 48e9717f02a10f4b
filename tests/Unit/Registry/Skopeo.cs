using System.Net;
using VeleroOpenShift.Registry;

namespace VeleroOpenShift.Tests.Registry;

/// <summary>The peer implementation: skopeo, without TLS checks (the test registries speak plain http or self-signed TLS).</summary>
internal static class Skopeo
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    /// <summary>Pushes a tagged image (every platform) of a layout to a registry, byte for byte.</summary>
    public static void Push(OciLayout layout, string tag, string destination, NetworkCredential? credential = null) =>
        ProcessRunner.Check("skopeo", ["copy", "--all", "--preserve-digests", "--dest-tls-verify=false", .. Credentials("--dest-creds", credential), layout.SourceOf(tag), destination], Limit);

    public static void Copy(string source, string destination) =>
        ProcessRunner.Check("skopeo", ["copy", "--all", "--preserve-digests", "--src-tls-verify=false", "--dest-tls-verify=false", source, destination], Limit);

    /// <summary>Pulls every platform into a fresh directory (any manifest type); skopeo checks every blob's digest on the way.</summary>
    public static void Pull(string source, string directory, NetworkCredential? credential = null) =>
        ProcessRunner.Check("skopeo", ["copy", "--all", "--preserve-digests", "--src-tls-verify=false", .. Credentials("--src-creds", credential), source, $"dir:{directory}"], Limit);

    /// <summary>The digest of the manifest the registry serves for a reference, computed from its raw bytes.</summary>
    public static string Digest(string reference, NetworkCredential? credential = null) =>
        ImageManifest.DigestOf(System.Text.Encoding.UTF8.GetBytes(Raw(reference, credential)));

    public static string Raw(string reference, NetworkCredential? credential = null) =>
        ProcessRunner.Check("skopeo", ["inspect", "--raw", "--tls-verify=false", .. Credentials("--creds", credential), reference], Limit);

    private static string[] Credentials(string option, NetworkCredential? credential) =>
        credential is null ? [] : [option, $"{credential.UserName}:{credential.Password}"];
}
