using System.Text.RegularExpressions;
using VeleroOpenShift.Errors;

namespace VeleroOpenShift.Registry;

/// <summary>
/// An image named the way skopeo names it: <c>docker://host[:port]/path/name[:tag][@sha256:…]</c>, or through another
/// transport (<c>udistribution-swift-…://ns/name:tag</c>, a backup storage location), which has no host. Docker Hub
/// short names (<c>docker://busybox</c>) expand to <c>docker.io/library/busybox</c> as the docker tools do.
/// </summary>
public sealed partial record ImageReference(string Transport, string Registry, string Repository, string? Tag, string? Digest)
{
    public const string DockerTransport = "docker";
    public const string DockerHub = "docker.io";

    /// <summary>What the registry API is asked for: the digest when there is one, else the tag, else <c>latest</c>.</summary>
    public string Reference => Digest ?? Tag ?? "latest";

    public static ImageReference Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var separator = text.IndexOf("://", StringComparison.Ordinal);
        if (separator <= 0)
        {
            throw Invalid(text, "has no transport; expected docker://host/name[:tag][@digest]");
        }

        var transport = text[..separator];
        var rest = text[(separator + 3)..];
        string? digest = null;
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = rest[(at + 1)..];
            rest = rest[..at];
            if (!DigestPattern().IsMatch(digest))
            {
                throw Invalid(text, $"digest '{digest}' is not sha256:<64 lower-case hex digits>");
            }
        }

        string? tag = null;
        var colon = rest.LastIndexOf(':');
        if (colon > rest.LastIndexOf('/'))
        {
            tag = rest[(colon + 1)..];
            rest = rest[..colon];
            if (!TagPattern().IsMatch(tag))
            {
                throw Invalid(text, $"tag '{tag}' is not a valid tag");
            }
        }

        var registry = string.Empty;
        if (transport == DockerTransport)
        {
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            var first = slash < 0 ? string.Empty : rest[..slash];
            if (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost")
            {
                registry = first;
                rest = rest[(slash + 1)..];
            }
            else
            {
                registry = DockerHub;
                rest = rest.Contains('/', StringComparison.Ordinal) ? rest : "library/" + rest;
            }
        }

        if (!RepositoryPattern().IsMatch(rest))
        {
            throw Invalid(text, $"repository '{rest}' is not a valid repository name");
        }

        return new ImageReference(transport, registry, rest, tag, digest);
    }

    /// <summary>The same image under another tag or digest.</summary>
    public ImageReference WithReference(string reference) =>
        reference.StartsWith("sha256:", StringComparison.Ordinal) ? this with { Tag = null, Digest = reference } : this with { Tag = reference, Digest = null };

    public override string ToString()
    {
        var host = Registry.Length == 0 ? string.Empty : Registry + "/";
        return $"{Transport}://{host}{Repository}" + (Tag is null ? string.Empty : ":" + Tag) + (Digest is null ? string.Empty : "@" + Digest);
    }

    private static RegistryException Invalid(string text, string problem) =>
        new(FailureKind.InvalidData, text, "reference", problem);

    [GeneratedRegex("^sha256:[a-f0-9]{64}$")]
    internal static partial Regex DigestPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")]
    private static partial Regex TagPattern();

    // The distribution spec's name grammar: lower-case path components separated by '.', '_', '__' or dashes.
    [GeneratedRegex("^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$")]
    private static partial Regex RepositoryPattern();
}
