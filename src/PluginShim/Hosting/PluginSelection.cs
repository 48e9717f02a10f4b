using System.Collections;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Velero;

namespace VeleroOpenShift.PluginShim.Hosting;

/// <summary>
/// Which plugins this process serves, from the environment of the Velero server (set with
/// <c>kubectl set env deployment/velero ...</c>):
/// <list type="bullet">
/// <item><c>VELERO_OPENSHIFT_PLUGINS</c>: comma-separated families (<c>openshift</c>, <c>openstack</c>);
/// unset, empty or <c>all</c> serves every family.</item>
/// <item><c>VELERO_OPENSHIFT_ITEMBLOCKACTION=false</c>: lists no ItemBlockAction, which Velero 1.14 does not
/// know and would refuse at discovery (stopping the server).</item>
/// </list>
/// A value that cannot be understood fails start-up loudly rather than serving a surprising set.
/// </summary>
internal sealed record PluginSelection(IReadOnlySet<PluginFamily> Families, IReadOnlySet<PluginKind> ExcludedKinds)
{
    public const string FamiliesVariable = "VELERO_OPENSHIFT_PLUGINS";
    public const string ItemBlockActionVariable = "VELERO_OPENSHIFT_ITEMBLOCKACTION";

    public static PluginSelection All { get; } = new(new HashSet<PluginFamily>(Enum.GetValues<PluginFamily>()), new HashSet<PluginKind>());

    public static PluginSelection FromProcess() => From(Environment.GetEnvironmentVariables());

    public static PluginSelection From(IDictionary variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        return new PluginSelection(
            ParseFamilies(variables[FamiliesVariable] as string),
            ParseItemBlockAction(variables[ItemBlockActionVariable] as string)
                ? new HashSet<PluginKind>()
                : new HashSet<PluginKind> { PluginKind.ItemBlockAction });
    }

    public PluginCatalog Apply(PluginCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return catalog.Restrict(Families, ExcludedKinds);
    }

    private static HashSet<PluginFamily> ParseFamilies(string? value)
    {
        var names = (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0 || names.Any(n => n.Equals("all", StringComparison.OrdinalIgnoreCase)))
        {
            return [.. Enum.GetValues<PluginFamily>()];
        }

        var families = new HashSet<PluginFamily>();
        foreach (var name in names)
        {
            if (!name.All(char.IsAsciiLetter) || !Enum.TryParse<PluginFamily>(name, ignoreCase: true, out var family))
            {
                throw new InvalidConfigurationException(FamiliesVariable, $"'{name}' is not a plugin family; use a comma-separated list of {string.Join(", ", Enum.GetNames<PluginFamily>().Select(n => n.ToLowerInvariant()))}, or all");
            }

            families.Add(family);
        }

        return families;
    }

    private static bool ParseItemBlockAction(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "true" or "1" or "yes" => true,
        "false" or "0" or "no" => false,
        _ => throw new InvalidConfigurationException(ItemBlockActionVariable, $"'{value}' is not true or false"),
    };
}
