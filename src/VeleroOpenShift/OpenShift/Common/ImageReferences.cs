using VeleroOpenShift.Errors;

namespace VeleroOpenShift.OpenShift.Common;

/// <summary>
/// Image-reference helpers of spec §4.1–§4.3. Comparisons are exact string comparisons on the first
/// path segment (no <c>docker.io</c> defaulting), as in the original.
/// </summary>
public static class ImageReferences
{
    /// <summary>
    /// Moves <paramref name="reference"/> from registry <paramref name="oldRegistry"/> to <paramref name="newRegistry"/>,
    /// mapping its namespace and dropping digests of the shared <c>openshift</c> namespace. False when the
    /// reference is not under <paramref name="oldRegistry"/>.
    /// </summary>
    public static bool TryReplacePrefix(string reference, string oldRegistry, string newRegistry, IReadOnlyDictionary<string, string> mapping, out string replaced)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(mapping);
        replaced = reference;
        var slash = reference.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || reference[..slash] != oldRegistry)
        {
            return false;
        }

        var path = reference[(slash + 1)..];
        var result = path;
        var nsEnd = path.IndexOf('/', StringComparison.Ordinal);
        if (nsEnd >= 0)
        {
            var ns = path[..nsEnd];
            if (mapping.TryGetValue(ns, out var target) && target.Length > 0)
            {
                result = target + path[nsEnd..];
            }

            // Digests of the shared namespace differ between clusters; this wins over the mapping.
            if (ns == "openshift" && path.Contains('@', StringComparison.Ordinal))
            {
                result = path[..path.IndexOf('@', StringComparison.Ordinal)];
            }
        }

        replaced = newRegistry + "/" + result;
        return true;
    }

    /// <summary>Whether the text before the first <c>/</c> equals <paramref name="registry"/> (spec §4.2).</summary>
    public static bool HasPrefix(string reference, string registry)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var slash = reference.IndexOf('/', StringComparison.Ordinal);
        return slash >= 0 && reference[..slash] == registry;
    }

    /// <summary>Splits <c>registry/namespace/name[:tag|@digest]</c> (spec §4.3).</summary>
    public static LocalImageReference ParseLocal(string reference, string registry)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var segments = reference.Split('/');
        if (segments[0] != registry)
        {
            throw new InvalidInputException($"image reference {reference}", "image reference is not local");
        }

        if (segments.Length != 3)
        {
            throw new InvalidInputException($"image reference {reference}", $"Unexpected image reference {reference}");
        }

        var byDigest = segments[2].Split('@');
        if (byDigest.Length > 2)
        {
            throw new InvalidInputException($"image reference {reference}", "has more than one '@'");
        }

        if (byDigest.Length == 2)
        {
            return new LocalImageReference(registry, segments[1], byDigest[0], null, byDigest[1]);
        }

        var byTag = segments[2].Split(':');
        return byTag.Length switch
        {
            > 2 => throw new InvalidInputException($"image reference {reference}", "has more than one ':' in its name"),
            2 => new LocalImageReference(registry, segments[1], byTag[0], byTag[1], null),
            _ => new LocalImageReference(registry, segments[1], byTag[0], null, null),
        };
    }

    /// <summary>
    /// The registry part of a repository such as <c>host:5000/openshift/cli</c>: the first segment when it
    /// contains <c>.</c> or <c>:</c> or is <c>localhost</c>, otherwise empty. False when it is no reference at all.
    /// </summary>
    public static bool TryGetRegistry(string repository, out string registry)
    {
        ArgumentNullException.ThrowIfNull(repository);
        registry = string.Empty;
        if (repository.Length == 0 || repository.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) || repository.StartsWith('/') || repository.EndsWith('/'))
        {
            return false;
        }

        var slash = repository.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return true;
        }

        var first = repository[..slash];
        if (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost")
        {
            registry = first;
        }

        return true;
    }
}

/// <summary>A reference into the local registry: exactly one of <see cref="Tag"/> and <see cref="Digest"/>, or neither.</summary>
public sealed record LocalImageReference(string Registry, string Namespace, string Name, string? Tag, string? Digest);
