using System.Text.Json.Nodes;
using VeleroOpenShift.Kube;

namespace VeleroOpenShift.Velero.Transform;

/// <summary>
/// What Velero does to an item from the backup before any restore action sees it: drop the metadata the
/// API server owns and the status (unless the restore keeps the status of that resource).
/// </summary>
public static class RestoreItemPreparer
{
    private static readonly string[] ServerOwnedMetadata =
    [
        "generateName", "selfLink", "uid", "resourceVersion", "generation", "creationTimestamp",
        "deletionTimestamp", "deletionGracePeriodSeconds", "ownerReferences",
    ];

    public static JsonObject Prepare(JsonObject itemFromBackup, VeleroRestore restore, GroupResource resource)
    {
        ArgumentNullException.ThrowIfNull(itemFromBackup);
        ArgumentNullException.ThrowIfNull(restore);
        var item = itemFromBackup.DeepClone().AsObject();
        var reference = ItemReference.Of(item);
        if (ItemFields.GetObject(item, "metadata", reference) is { } metadata)
        {
            foreach (var field in ServerOwnedMetadata)
            {
                metadata.Remove(field);
            }
        }

        if (!restore.KeepsStatusOf(resource))
        {
            item.Remove("status");
        }

        return item;
    }
}
