using System.Text.Json.Nodes;
using VeleroOpenShift.Kube;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Transform;

namespace VeleroOpenShift.Cmdlets.Output;

/// <summary>One item after the backup or restore actions ran on it, and what each action did.</summary>
public sealed class VeleroItemTransform
{
    internal VeleroItemTransform(ItemTransformResult result)
    {
        var now = ItemReference.Of(result.Item);
        Kind = now.Kind;
        Namespace = now.Namespace;
        Name = now.Name;
        Source = result.Source.ToString();
        SkipRestore = result.SkipRestore;
        Changed = result.Changed;
        AppliedActions = [.. result.Actions.Select(a => a.Plugin)];
        Changes = [.. result.Actions];
        AdditionalItems = [.. result.AdditionalItems];
        Item = result.Item;
    }

    public string Kind { get; }

    /// <summary>The namespace after the transform (the mapped one for a restore); null when cluster-scoped.</summary>
    public string? Namespace { get; }

    public string Name { get; }

    /// <summary>The item as it was given: <c>Kind/namespace/name</c>.</summary>
    public string Source { get; }

    /// <summary>An action asked Velero not to restore the item.</summary>
    public bool SkipRestore { get; }

    /// <summary>Some action edited the item.</summary>
    public bool Changed { get; }

    /// <summary>The plugins that ran on the item, in order.</summary>
    public string[] AppliedActions { get; }

    /// <summary>Per action: the JSON paths it changed, and what it asked of Velero.</summary>
    public ActionOutcome[] Changes { get; }

    /// <summary>Other objects the actions asked Velero to back up or restore with this one.</summary>
    public ResourceIdentifier[] AdditionalItems { get; }

    public JsonObject Item { get; }

    public string ToJson() => KubeJson.Serialize(Item, indented: true);

    public override string ToString() => Namespace is null ? $"{Kind}/{Name}" : $"{Kind}/{Namespace}/{Name}";
}
