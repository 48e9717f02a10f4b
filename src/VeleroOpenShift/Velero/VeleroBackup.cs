using System.Text.Json.Nodes;
using VeleroOpenShift.Kube;

namespace VeleroOpenShift.Velero;

/// <summary>A Velero <c>Backup</c> (velero.io/v1) as passed to backup and delete actions.</summary>
public sealed class VeleroBackup : VeleroObject
{
    public VeleroBackup(JsonObject json)
        : base(json, "Backup")
    {
    }

    public static VeleroBackup Parse(ReadOnlySpan<byte> utf8) => new(KubeJson.ParseObject(utf8, ItemReference.Payload("Backup")));

    public IReadOnlyList<string> IncludedNamespaces => SpecList("includedNamespaces");

    public IReadOnlyList<string> ExcludedNamespaces => SpecList("excludedNamespaces");

    public string? StorageLocation => Spec("storageLocation");
}
