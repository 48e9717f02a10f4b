using VeleroOpenShift.Kube;

namespace VeleroOpenShift.Velero;

/// <summary>
/// What an item action applies to, with Velero's meaning: empty include lists or <c>*</c> mean everything;
/// resources may be plural, singular, short or group-qualified names (<c>deployments.apps</c>); a non-empty
/// namespace include list excludes cluster-scoped items; <see cref="LabelSelector"/> is a Kubernetes
/// label-selector string. Exclusions win over inclusions.
/// </summary>
public sealed record ResourceSelector
{
    public static ResourceSelector Everything { get; } = new();

    public IReadOnlyList<string> IncludedNamespaces { get; init; } = [];

    public IReadOnlyList<string> ExcludedNamespaces { get; init; } = [];

    public IReadOnlyList<string> IncludedResources { get; init; } = [];

    public IReadOnlyList<string> ExcludedResources { get; init; } = [];

    public string LabelSelector { get; init; } = string.Empty;

    public static ResourceSelector ForResources(params string[] includedResources) =>
        new() { IncludedResources = includedResources };

    /// <summary>Resolves resource names against <paramref name="catalog"/> once, for fast repeated matching.</summary>
    public CompiledResourceSelector Compile(ResourceTypeCatalog catalog) => new(this, catalog);

    public override string ToString()
    {
        var parts = new List<string>();
        Add("resources", IncludedResources);
        Add("excluded resources", ExcludedResources);
        Add("namespaces", IncludedNamespaces);
        Add("excluded namespaces", ExcludedNamespaces);
        if (LabelSelector.Length > 0)
        {
            parts.Add($"labels: {LabelSelector}");
        }

        return parts.Count == 0 ? "everything" : string.Join("; ", parts);

        void Add(string title, IReadOnlyList<string> values)
        {
            if (values.Count > 0)
            {
                parts.Add($"{title}: {string.Join(", ", values)}");
            }
        }
    }

    public bool Equals(ResourceSelector? other) =>
        other is not null
        && IncludedNamespaces.SequenceEqual(other.IncludedNamespaces)
        && ExcludedNamespaces.SequenceEqual(other.ExcludedNamespaces)
        && IncludedResources.SequenceEqual(other.IncludedResources)
        && ExcludedResources.SequenceEqual(other.ExcludedResources)
        && LabelSelector == other.LabelSelector;

    public override int GetHashCode() => HashCode.Combine(IncludedResources.Count, LabelSelector);
}
