using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VeleroOpenShift.Kube;

namespace VeleroOpenShift.Velero;

/// <summary>
/// A <see cref="ResourceSelector"/> with its resource names resolved to group-resources.
/// Names that resolve to nothing are dropped; if every included name is dropped the selector matches
/// nothing (Velero would treat the emptied list as "everything", which no action intends).
/// </summary>
public sealed class CompiledResourceSelector
{
    private readonly ResourceTypeCatalog _catalog;
    private readonly HashSet<GroupResource>? _included;
    private readonly HashSet<GroupResource> _excluded;
    private readonly NamespaceFilter _namespaces;
    private readonly LabelSelector _labels;

    internal CompiledResourceSelector(ResourceSelector selector, ResourceTypeCatalog catalog)
    {
        _catalog = catalog;
        Selector = selector;
        _included = IsEverything(selector.IncludedResources) ? null : Resolve(selector.IncludedResources, catalog);
        _excluded = Resolve(selector.ExcludedResources, catalog);
        _namespaces = new NamespaceFilter(selector.IncludedNamespaces, selector.ExcludedNamespaces);
        _labels = LabelSelector.Parse(selector.LabelSelector);
    }

    public ResourceSelector Selector { get; }

    /// <summary>Whether an action with this selector runs on <paramref name="item"/>.</summary>
    public bool Matches(JsonObject item)
    {
        var identity = ItemIdentity.Of(item, _catalog);
        return Matches(identity.Resource, identity.Namespace, identity.Labels);
    }

    /// <summary>Matches by parts; <paramref name="ns"/> is null for a cluster-scoped item.</summary>
    public bool Matches(GroupResource resource, string? ns, Func<IReadOnlyDictionary<string, string>> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (_excluded.Contains(resource) || (_included is not null && !_included.Contains(resource)))
        {
            return false;
        }

        return _namespaces.Admits(ns) && (_labels.IsEverything || _labels.Matches(labels()));
    }

    private static bool IsEverything(IReadOnlyList<string> names) => names.Count == 0 || names.Contains("*");

    private static HashSet<GroupResource> Resolve(IReadOnlyList<string> names, ResourceTypeCatalog catalog)
    {
        var resolved = new HashSet<GroupResource>();
        foreach (var name in names)
        {
            if (name != "*" && catalog.Resolve(name) is { } groupResource)
            {
                resolved.Add(groupResource);
            }
        }

        return resolved;
    }

    /// <summary>Velero's namespace include/exclude rule, with glob wildcards (<c>*</c>, <c>?</c>).</summary>
    private sealed class NamespaceFilter
    {
        private readonly Regex[] _included;
        private readonly Regex[] _excluded;
        private readonly bool _includesEverything;

        public NamespaceFilter(IReadOnlyList<string> included, IReadOnlyList<string> excluded)
        {
            _includesEverything = IsEverything(included);
            _included = [.. included.Select(Glob)];
            _excluded = [.. excluded.Select(Glob)];
        }

        public bool Admits(string? ns)
        {
            if (ns is null)
            {
                // A namespace restriction means the action is about namespaced items only.
                return _includesEverything;
            }

            return !_excluded.Any(r => r.IsMatch(ns)) && (_includesEverything || _included.Any(r => r.IsMatch(ns)));
        }

        private static Regex Glob(string pattern) =>
            new("^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$",
                RegexOptions.CultureInvariant);
    }
}
