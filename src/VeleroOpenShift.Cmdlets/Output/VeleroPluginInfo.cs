using VeleroOpenShift.Velero;

namespace VeleroOpenShift.Cmdlets.Output;

/// <summary>One plugin of the catalogue, as Get-VeleroPlugin shows it.</summary>
public sealed class VeleroPluginInfo
{
    internal VeleroPluginInfo(PluginRegistration registration)
    {
        Name = registration.Name;
        Kind = registration.Kind;
        Family = registration.Family;
        AppliesTo = registration.AppliesTo;
        IncludedResources = [.. registration.AppliesTo?.IncludedResources ?? []];
        Summary = registration.Summary;
    }

    public string Name { get; }

    public PluginKind Kind { get; }

    public PluginFamily Family { get; }

    /// <summary>The selector Velero is given; null for object stores and volume snapshotters.</summary>
    public ResourceSelector? AppliesTo { get; }

    public string[] IncludedResources { get; }

    public string Summary { get; }

    public override string ToString() => $"{Kind} {Name}";
}
