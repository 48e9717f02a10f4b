using System.Globalization;
using System.Xml.Linq;
using VeleroOpenShift.HelpGenerator.Metadata;
using static VeleroOpenShift.HelpGenerator.Maml.MamlNamespaces;

namespace VeleroOpenShift.HelpGenerator.Maml;

/// <summary>Builds a command:parameter element, for a syntax line or for the PARAMETERS list.</summary>
internal static class ParameterElementBuilder
{
    public static XElement Build(
        CmdletParameter parameter,
        bool required,
        int? position,
        bool byValue,
        bool byPropertyName,
        IReadOnlyList<string> description,
        bool inSyntax)
    {
        var element = new XElement(CommandNs + "parameter",
            new XAttribute("required", MamlText.Boolean(required)),
            new XAttribute("variableLength", MamlText.Boolean(parameter.Type.IsCollection)),
            new XAttribute("globbing", MamlText.Boolean(parameter.SupportsWildcards)),
            new XAttribute("pipelineInput", PipelineInput(byValue, byPropertyName)),
            new XAttribute("position", position?.ToString(CultureInfo.InvariantCulture) ?? "named"),
            new XAttribute("aliases", parameter.Aliases.Count > 0 ? string.Join(", ", parameter.Aliases) : "none"),
            new XElement(MamlNs + "name", parameter.Name),
            MamlText.Description(description));

        if (parameter.AcceptedValues.Count > 0)
        {
            element.Add(new XElement(CommandNs + "parameterValueGroup",
                parameter.AcceptedValues.Select(value => new XElement(CommandNs + "parameterValue",
                    new XAttribute("required", "false"),
                    new XAttribute("variableLength", "false"),
                    value))));
        }

        // A switch takes no value: Get-Help would print "-Force <SwitchParameter>" in the syntax.
        if (!(inSyntax && parameter.IsSwitch))
        {
            element.Add(new XElement(CommandNs + "parameterValue",
                new XAttribute("required", MamlText.Boolean(!parameter.IsSwitch)),
                new XAttribute("variableLength", MamlText.Boolean(parameter.Type.IsCollection)),
                parameter.Type.ShortName));
        }

        element.Add(
            MamlText.DevType(parameter.Type.FullName),
            new XElement(DevNs + "defaultValue", parameter.IsSwitch ? "False" : "None"));
        return element;
    }

    private static string PipelineInput(bool byValue, bool byPropertyName) => (byValue, byPropertyName) switch
    {
        (true, true) => "True (ByPropertyName, ByValue)",
        (true, false) => "True (ByValue)",
        (false, true) => "True (ByPropertyName)",
        _ => "False",
    };
}
