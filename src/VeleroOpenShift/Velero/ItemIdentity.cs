using System.Text.Json.Nodes;
using VeleroOpenShift.Kube;

namespace VeleroOpenShift.Velero;

/// <summary>
/// What selectors match an item on: its group-resource, its namespace (null when cluster-scoped) and its
/// labels, read lazily since most selectors have no label part.
/// </summary>
internal sealed record ItemIdentity(GroupResource Resource, string? Namespace, Func<IReadOnlyDictionary<string, string>> Labels)
{
    public static ItemIdentity Of(JsonObject item, ResourceTypeCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(item);
        var reference = ItemReference.Of(item);
        var group = GroupResource.GroupOfApiVersion(ItemFields.GetString(item, "apiVersion", reference));
        var kind = ItemFields.GetString(item, "kind", reference) ?? string.Empty;
        var ns = ItemFields.GetString(item, "metadata.namespace", reference);
        IReadOnlyDictionary<string, string>? labels = null;
        return new ItemIdentity(
            catalog.ForKind(group, kind).GroupResource,
            string.IsNullOrEmpty(ns) ? null : ns,
            () => labels ??= ItemFields.GetStringMap(item, "metadata.labels", reference));
    }
}
