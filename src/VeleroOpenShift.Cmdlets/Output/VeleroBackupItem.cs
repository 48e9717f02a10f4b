using System.Text.Json.Nodes;
using VeleroOpenShift.Kube;
using VeleroOpenShift.Velero.Archive;

namespace VeleroOpenShift.Cmdlets.Output;

/// <summary>One Kubernetes object of a Velero backup archive. <see cref="Item"/> binds to the transform cmdlets.</summary>
public sealed class VeleroBackupItem
{
    internal VeleroBackupItem(BackupArchiveEntry entry, string archivePath)
    {
        var reference = ItemReference.Of(entry.Item);
        Kind = reference.Kind;
        ApiVersion = entry.Item["apiVersion"] is JsonValue v && v.TryGetValue(out string? apiVersion) ? apiVersion : string.Empty;
        Namespace = entry.Namespace;
        Name = entry.Name;
        Resource = entry.Resource;
        ApiVersionFolder = entry.ApiVersionFolder;
        ArchivePath = archivePath;
        EntryPath = entry.Path;
        Item = entry.Item;
    }

    public string Kind { get; }

    public string ApiVersion { get; }

    /// <summary>Null for cluster-scoped items.</summary>
    public string? Namespace { get; }

    public string Name { get; }

    /// <summary>The group-resource folder Velero stored the item under (<c>deployments.apps</c>).</summary>
    public string Resource { get; }

    /// <summary>The API version folder of format 1.1 (<c>v1-preferredversion</c>); null for the classic layout.</summary>
    public string? ApiVersionFolder { get; }

    public string ArchivePath { get; }

    public string EntryPath { get; }

    public JsonObject Item { get; }

    public string ToJson() => KubeJson.Serialize(Item, indented: true);

    public override string ToString() => Namespace is null ? $"{Kind}/{Name}" : $"{Kind}/{Namespace}/{Name}";
}
