using System.Text.Json.Nodes;
using VeleroOpenShift.Kube;

namespace VeleroOpenShift.Velero;

/// <summary>A Velero <c>Restore</c> (velero.io/v1) as passed to restore actions.</summary>
public sealed class VeleroRestore : VeleroObject
{
    public VeleroRestore(JsonObject json)
        : base(json, "Restore")
    {
    }

    public static VeleroRestore Parse(ReadOnlySpan<byte> utf8) => new(KubeJson.ParseObject(utf8, ItemReference.Payload("Restore")));

    public string? BackupName => Spec("backupName");

    /// <summary>Source namespace → target namespace (<c>spec.namespaceMapping</c>).</summary>
    public IReadOnlyDictionary<string, string> NamespaceMapping =>
        ItemFields.GetStringMap(Json, "spec.namespaceMapping", Reference);

    /// <summary>The namespace an item of <paramref name="sourceNamespace"/> is restored into.</summary>
    public string MapNamespace(string sourceNamespace) =>
        NamespaceMapping.TryGetValue(sourceNamespace, out var target) && target.Length > 0 ? target : sourceNamespace;
}
