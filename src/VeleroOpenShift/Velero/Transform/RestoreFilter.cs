using VeleroOpenShift.Kube;
using VeleroOpenShift.Velero.Archive;

namespace VeleroOpenShift.Velero.Transform;

/// <summary>
/// The item filters of a Restore spec: namespaces, resources, label selector, and cluster-scoped items
/// (<c>includeClusterResources</c>: true includes them, false excludes them, unset includes them only when
/// every namespace is restored, except persistent volumes, which follow their claims).
/// </summary>
internal sealed class RestoreFilter
{
    private readonly CompiledResourceSelector _namespaced;
    private readonly CompiledResourceSelector _clusterScoped;
    private readonly bool? _includeClusterResources;
    private readonly bool _allNamespaces;

    private RestoreFilter(CompiledResourceSelector namespaced, CompiledResourceSelector clusterScoped, bool? includeClusterResources, bool allNamespaces)
    {
        _namespaced = namespaced;
        _clusterScoped = clusterScoped;
        _includeClusterResources = includeClusterResources;
        _allNamespaces = allNamespaces;
    }

    public static RestoreFilter Of(VeleroRestore restore, ResourceTypeCatalog resources)
    {
        var reference = restore.Reference;
        var included = restore.IncludedNamespaces;
        var allNamespaces = included.Count == 0 || included.Contains("*");
        // A namespace include list would exclude every cluster-scoped item; for those only the resource and
        // label filters apply.
        var clusterScoped = new ResourceSelector
        {
            IncludedResources = restore.IncludedResources,
            ExcludedResources = restore.ExcludedResources,
            LabelSelector = ItemFields.GetObject(restore.Json, "spec.labelSelector", reference) is { } labels
                ? LabelSelector.FromObject(labels, reference, "spec.labelSelector").ToString()
                : string.Empty,
        };
        var namespaced = clusterScoped with { IncludedNamespaces = included, ExcludedNamespaces = restore.ExcludedNamespaces };
        var includeClusterResources = ItemFields.GetBoolean(restore.Json, "spec.includeClusterResources", reference);
        return new RestoreFilter(namespaced.Compile(resources), clusterScoped.Compile(resources), includeClusterResources, allNamespaces);
    }

    public bool Admits(BackupArchiveEntry entry)
    {
        var resource = GroupResource.Parse(entry.Resource);
        IReadOnlyDictionary<string, string> Labels() => ItemFields.GetStringMap(entry.Item, "metadata.labels", ItemReference.Of(entry.Item));
        if (!entry.IsClusterScoped)
        {
            return _namespaced.Matches(resource, entry.Namespace, Labels);
        }

        var wanted = _includeClusterResources ?? (_allNamespaces || resource.Resource == "persistentvolumes");
        return wanted && _clusterScoped.Matches(resource, null, Labels);
    }
}
