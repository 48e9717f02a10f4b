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

    public IReadOnlyList<string> IncludedNamespaces => SpecList("includedNamespaces");

    public IReadOnlyList<string> ExcludedNamespaces => SpecList("excludedNamespaces");

    public IReadOnlyList<string> IncludedResources => SpecList("includedResources");

    public IReadOnlyList<string> ExcludedResources => SpecList("excludedResources");

    /// <summary>Source namespace → target namespace (<c>spec.namespaceMapping</c>).</summary>
    public IReadOnlyDictionary<string, string> NamespaceMapping =>
        ItemFields.GetStringMap(Json, "spec.namespaceMapping", Reference);

    /// <summary>Whether Velero keeps the backed-up status of this resource (<c>spec.restoreStatus</c>).</summary>
    public bool KeepsStatusOf(GroupResource resource)
    {
        var included = SpecList("restoreStatus.includedResources");
        if (included.Count == 0)
        {
            return false;
        }

        var selector = new ResourceSelector { IncludedResources = included, ExcludedResources = SpecList("restoreStatus.excludedResources") };
        return selector.Compile(ResourceTypeCatalog.Default).Matches(resource, null, static () => EmptyLabels);
    }

    private static readonly IReadOnlyDictionary<string, string> EmptyLabels = new Dictionary<string, string>();

    /// <summary>The namespace an item of <paramref name="sourceNamespace"/> is restored into.</summary>
    public string MapNamespace(string sourceNamespace) =>
        NamespaceMapping.TryGetValue(sourceNamespace, out var target) && target.Length > 0 ? target : sourceNamespace;
}
