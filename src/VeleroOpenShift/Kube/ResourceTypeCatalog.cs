namespace VeleroOpenShift.Kube;

/// <summary>
/// Resolves the resource names users and selectors write (<c>deployments.apps</c>, <c>deployments</c>,
/// <c>deployment</c>, <c>deploy</c>) to group-resources, and kinds of items to their resources, the way
/// Kubernetes' REST mapper does. A resource not in the catalogue falls back to Kubernetes' own rule for
/// guessing a plural from a kind.
/// </summary>
public sealed class ResourceTypeCatalog
{
    private readonly IReadOnlyList<ResourceType> _types;
    private readonly Dictionary<(string Group, string Kind), ResourceType> _byKind = [];

    public ResourceTypeCatalog(IEnumerable<ResourceType> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        _types = [.. types];
        foreach (var type in _types)
        {
            _byKind.TryAdd((type.Group, type.Kind), type);
        }
    }

    /// <summary>The built-in catalogue of Kubernetes, OpenShift, Velero and OADP resources.</summary>
    public static ResourceTypeCatalog Default { get; } = new(KnownResourceTypes.All);

    public IReadOnlyList<ResourceType> Types => _types;

    /// <summary>
    /// Resolves a selector entry. <c>name.group</c> matches within that group (also a singular or short name);
    /// a bare name matches the preferred group. Returns null when nothing matches.
    /// </summary>
    public GroupResource? Resolve(string entry)
    {
        ArgumentException.ThrowIfNullOrEmpty(entry);
        var parsed = GroupResource.Parse(entry.ToLowerInvariant());

        foreach (var type in _types)
        {
            if ((parsed.Group.Length == 0 || type.Group == parsed.Group) && IsNameOf(type, parsed.Resource))
            {
                return type.GroupResource;
            }
        }

        // An unknown resource.group is taken as written: a custom resource the catalogue does not know.
        return parsed.Group.Length > 0 ? parsed : null;
    }

    /// <summary>The resource type of an item's <c>apiVersion</c> group and <c>kind</c>.</summary>
    public ResourceType ForKind(string group, string kind)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(kind);
        return _byKind.TryGetValue((group, kind), out var type) ? type : new ResourceType(group, kind, GuessPlural(kind), Namespaced: true);
    }

    /// <summary>Kubernetes' rule for the plural of an unknown kind (meta.UnsafeGuessKindToResource).</summary>
    public static string GuessPlural(string kind)
    {
        var singular = kind.ToLowerInvariant();
        if (singular.Length == 0)
        {
            return singular;
        }

        if (singular.EndsWith('s'))
        {
            return singular + "es";
        }

        if (singular.EndsWith('y'))
        {
            return singular[..^1] + "ies";
        }

        return singular + "s";
    }

    private static bool IsNameOf(ResourceType type, string name) =>
        name == type.Plural || name == type.Singular || type.ShortNames.Contains(name);
}
