using System.Text.Json.Nodes;
using VeleroOpenShift.Kube;

namespace VeleroOpenShift.Velero.Transform;

/// <summary>The item after every applicable action ran, and what each of them did.</summary>
public sealed record ItemTransformResult(
    ItemReference Source,
    JsonObject Item,
    bool SkipRestore,
    IReadOnlyList<ResourceIdentifier> AdditionalItems,
    IReadOnlyList<ActionOutcome> Actions,
    bool Changed);
