using System.Management.Automation;

namespace VeleroOpenShift.HelpGenerator.Metadata;

/// <summary>Copies what help needs out of PowerShell's <see cref="CmdletInfo"/>.</summary>
internal static class CmdletMetadataMapper
{
    public static CmdletMetadata Map(CmdletInfo cmdlet) =>
        new(cmdlet.Name,
            cmdlet.Verb,
            cmdlet.Noun,
            HelpFileName(cmdlet),
            cmdlet.Parameters.Values.Where(p => !IsCommon(p.Name)).Select(MapParameter).ToList(),
            cmdlet.ParameterSets.OrderByDescending(set => set.IsDefault).Select(MapSet).ToList(),
            cmdlet.OutputType.Select(t => t.Type is { } type ? TypeNames.Describe(type) : TypeNames.Describe(t.Name)).ToList());

    // PowerShell's rule for a binary module: "<assembly file name>-Help.xml" in the culture folder.
    private static string HelpFileName(CmdletInfo cmdlet) =>
        Path.GetFileName(cmdlet.ImplementingType.Assembly.Location) + "-Help.xml";

    private static bool IsCommon(string name) => Cmdlet.CommonParameters.Contains(name);

    private static CmdletParameter MapParameter(ParameterMetadata parameter) =>
        new(parameter.Name,
            TypeNames.Describe(parameter.ParameterType),
            parameter.SwitchParameter,
            parameter.Attributes.OfType<SupportsWildcardsAttribute>().Any(),
            Cmdlet.OptionalCommonParameters.Contains(parameter.Name),
            parameter.Aliases.ToList(),
            AcceptedValues(parameter));

    private static List<string> AcceptedValues(ParameterMetadata parameter)
    {
        var validateSet = parameter.Attributes.OfType<ValidateSetAttribute>().SelectMany(a => a.ValidValues).ToList();
        if (validateSet.Count > 0)
        {
            return validateSet;
        }

        return TypeNames.EnumType(parameter.ParameterType) is { } enumType ? [.. Enum.GetNames(enumType)] : [];
    }

    private static CmdletParameterSet MapSet(CommandParameterSetInfo set) =>
        new(set.Name, set.IsDefault, DisplayOrder(set.Parameters.Where(p => !IsCommon(p.Name))).Select(MapBinding).ToList());

    // Get-Command -Syntax's order: positional parameters by position, then named mandatory ones, then
    // the other named ones, each group in declaration order.
    private static IEnumerable<CommandParameterInfo> DisplayOrder(IEnumerable<CommandParameterInfo> parameters)
    {
        var list = parameters.ToList();
        return list.Where(p => p.Position != int.MinValue).OrderBy(p => p.Position)
            .Concat(list.Where(p => p.Position == int.MinValue && p.IsMandatory))
            .Concat(list.Where(p => p.Position == int.MinValue && !p.IsMandatory));
    }

    private static ParameterBinding MapBinding(CommandParameterInfo parameter) =>
        new(parameter.Name,
            parameter.IsMandatory,
            parameter.Position == int.MinValue ? null : parameter.Position,
            parameter.ValueFromPipeline,
            parameter.ValueFromPipelineByPropertyName);
}
