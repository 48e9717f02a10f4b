using System.Text.Json.Nodes;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Kube;

namespace VeleroOpenShift.Velero;

/// <summary>
/// The registration table both fronts read: the shim lists and dispatches from it, the module's
/// Get-VeleroPlugin shows it. Validated on construction with Velero's own discovery rules, because a
/// bad row would stop the Velero server from starting.
/// </summary>
public sealed class PluginCatalog
{
    public PluginCatalog(IEnumerable<PluginRegistration> registrations)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        Registrations = [.. registrations];
        var seen = new HashSet<(PluginKind, string)>();
        foreach (var registration in Registrations)
        {
            if (!PluginNameRule.IsValid(registration.Name, out var problem))
            {
                throw new ArgumentException($"plugin name '{registration.Name}' {problem}", nameof(registrations));
            }

            if (!seen.Add((registration.Kind, registration.Name)))
            {
                throw new ArgumentException($"{registration} is registered twice", nameof(registrations));
            }

            if (registration.Kind.IsItemAction() != (registration.AppliesTo is not null))
            {
                throw new ArgumentException($"{registration}: item actions need an applies-to selector, stores must not have one", nameof(registrations));
            }
        }
    }

    /// <summary>Every plugin this product serves, in registration (and execution) order.</summary>
    public static PluginCatalog Default { get; } = new(PluginTable.All);

    public IReadOnlyList<PluginRegistration> Registrations { get; }

    public PluginRegistration Get(PluginKind kind, string name) =>
        Registrations.FirstOrDefault(r => r.Kind == kind && r.Name == name) ?? throw new PluginNotFoundException(kind, name);

    /// <summary>A catalogue restricted to some families, keeping the order.</summary>
    public PluginCatalog Restrict(IReadOnlySet<PluginFamily> families, IReadOnlySet<PluginKind>? excludedKinds = null) =>
        new(Registrations.Where(r => families.Contains(r.Family) && (excludedKinds is null || !excludedKinds.Contains(r.Kind))));

    /// <summary>The item actions of the given kinds that apply to <paramref name="item"/>, in order.</summary>
    public IEnumerable<PluginRegistration> ActionsFor(JsonObject item, params PluginKind[] kinds)
    {
        ArgumentNullException.ThrowIfNull(item);
        // The item's resource, namespace and labels are read once, not once per registration.
        var identity = ItemIdentity.Of(item, ResourceTypeCatalog.Default);
        return Registrations.Where(r => kinds.Contains(r.Kind) && r.Matcher is { } matcher && matcher.Matches(identity.Resource, identity.Namespace, identity.Labels));
    }
}
