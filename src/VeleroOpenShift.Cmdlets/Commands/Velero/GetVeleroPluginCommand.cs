using System.Management.Automation;
using VeleroOpenShift.Cmdlets.Completers;
using VeleroOpenShift.Cmdlets.Infrastructure;
using VeleroOpenShift.Cmdlets.Output;
using VeleroOpenShift.Velero;

namespace VeleroOpenShift.Cmdlets.Commands.Velero;

/// <summary>
/// Lists the Velero plugins this product serves, from the same registration table the plugin executable
/// reports to Velero; optionally only those that would act on a given item.
/// </summary>
[Cmdlet(VerbsCommon.Get, "VeleroPlugin", DefaultParameterSetName = AllSet)]
[OutputType(typeof(VeleroPluginInfo))]
public sealed class GetVeleroPluginCommand : VeleroCmdlet
{
    private const string AllSet = "All";
    private const string AppliesToSet = "AppliesTo";

    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(PluginNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    [Parameter]
    public PluginKind[]? Kind { get; set; }

    [Parameter]
    public PluginFamily[]? Family { get; set; }

    /// <summary>A Kubernetes item (object, hashtable or JSON text): only the item actions that would run on it.</summary>
    [Parameter(Mandatory = true, ParameterSetName = AppliesToSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public object? AppliesTo { get; set; }

    protected override void ProcessRecord()
    {
        var candidates = PluginCatalog.Default.Registrations.Where(Selected);
        if (ParameterSetName == AppliesToSet)
        {
            try
            {
                var item = ItemConverter.ToJsonObject(AppliesTo, "AppliesTo");
                candidates = candidates.Where(r => r.Matcher is { } matcher && matcher.Matches(item));
            }
            catch (Errors.VeleroOpenShiftException failure)
            {
                WriteFailure(failure, AppliesTo);
                return;
            }
        }

        foreach (var registration in candidates)
        {
            WriteObject(new VeleroPluginInfo(registration));
        }
    }

    private bool Selected(PluginRegistration registration) =>
        (Kind is null || Kind.Contains(registration.Kind))
        && (Family is null || Family.Contains(registration.Family))
        && (Name is null || Name.Any(pattern => WildcardPattern.Get(pattern, WildcardOptions.IgnoreCase).IsMatch(registration.Name)));
}
