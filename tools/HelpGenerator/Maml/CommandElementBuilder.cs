using System.Xml.Linq;
using VeleroOpenShift.HelpGenerator.Markdown;
using VeleroOpenShift.HelpGenerator.Metadata;
using static VeleroOpenShift.HelpGenerator.Maml.MamlNamespaces;

namespace VeleroOpenShift.HelpGenerator.Maml;

/// <summary>
/// Builds one command:command element. Text comes from the markdown; names, types, parameter sets,
/// binding and output types come from the cmdlet's metadata, which wins wherever both could speak.
/// </summary>
internal static class CommandElementBuilder
{
    private const string ConfirmText = "Prompts you for confirmation before running the cmdlet.";
    private const string WhatIfText = "Shows what would happen if the cmdlet runs. The cmdlet is not run.";

    public static XElement Build(CmdletMetadata cmdlet, CommandHelp help)
    {
        var command = new XElement(CommandNs + "command",
            new XElement(CommandNs + "details",
                new XElement(CommandNs + "name", cmdlet.Name),
                new XElement(CommandNs + "verb", cmdlet.Verb),
                new XElement(CommandNs + "noun", cmdlet.Noun),
                MamlText.Description(help.Synopsis)),
            MamlText.Description(help.Description),
            Syntax(cmdlet, help),
            Parameters(cmdlet, help),
            Types(CommandNs + "inputTypes", CommandNs + "inputType", cmdlet.InputTypes, help.Inputs),
            Types(CommandNs + "returnValues", CommandNs + "returnValue", cmdlet.OutputTypes, help.Outputs));

        if (help.Notes.Count > 0)
        {
            command.Add(new XElement(MamlNs + "alertSet", MamlText.Paragraphs(MamlNs + "alert", help.Notes)));
        }

        command.Add(new XElement(CommandNs + "examples", help.Examples.Select(Example)));

        if (help.RelatedLinks.Count > 0)
        {
            command.Add(new XElement(CommandNs + "relatedLinks", help.RelatedLinks.Select(link =>
                new XElement(MamlNs + "navigationLink",
                    new XElement(MamlNs + "linkText", link.Text),
                    new XElement(MamlNs + "uri", link.Uri ?? string.Empty)))));
        }

        return command;
    }

    private static XElement Syntax(CmdletMetadata cmdlet, CommandHelp help) =>
        new(CommandNs + "syntax", cmdlet.ParameterSets.Select(set =>
            new XElement(CommandNs + "syntaxItem",
                new XElement(MamlNs + "name", cmdlet.Name),
                set.Parameters.Select(binding => ParameterElementBuilder.Build(
                    cmdlet.Parameter(binding.Name),
                    binding.IsMandatory,
                    binding.Position,
                    binding.FromPipeline,
                    binding.FromPipelineByPropertyName,
                    DescriptionOf(cmdlet.Parameter(binding.Name), help),
                    inSyntax: true)))));

    // One entry per parameter across all sets, the way platyPS summarises them: required if it is
    // mandatory in any set, the position it has in the default set, pipeline input if any set takes it.
    private static XElement Parameters(CmdletMetadata cmdlet, CommandHelp help)
    {
        // The author's order; what the markdown may leave out (-WhatIf, -Confirm) goes last.
        int Rank(CmdletParameter parameter)
        {
            var index = help.Parameters.ToList().FindIndex(p => string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase));
            return index < 0 ? int.MaxValue : index;
        }

        return new XElement(CommandNs + "parameters", cmdlet.Parameters.OrderBy(Rank).Select(parameter =>
        {
            var bindings = cmdlet.ParameterSets
                .OrderByDescending(set => set.IsDefault)
                .SelectMany(set => set.Parameters)
                .Where(b => string.Equals(b.Name, parameter.Name, StringComparison.OrdinalIgnoreCase))
                .ToList();
            return ParameterElementBuilder.Build(
                parameter,
                bindings.Any(b => b.IsMandatory),
                bindings.FirstOrDefault()?.Position,
                bindings.Any(b => b.FromPipeline),
                bindings.Any(b => b.FromPipelineByPropertyName),
                DescriptionOf(parameter, help),
                inSyntax: false);
        }));
    }

    private static IReadOnlyList<string> DescriptionOf(CmdletParameter parameter, CommandHelp help)
    {
        var documented = help.Parameters.FirstOrDefault(p => string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase));
        if (documented is not null)
        {
            return documented.Description;
        }

        return parameter.Name switch
        {
            "Confirm" => [ConfirmText],
            "WhatIf" => [WhatIfText],
            _ => [],
        };
    }

    private static XElement Types(XName list, XName item, IReadOnlyList<TypeReference> declared, IReadOnlyList<TypeHelp> documented)
    {
        IEnumerable<(string Name, IReadOnlyList<string> Description)> entries = declared.Count == 0
            ? [("None", documented.FirstOrDefault()?.Description ?? [])]
            : declared.Select(type => (type.FullName, documented.FirstOrDefault(d => type.Matches(d.TypeName))?.Description ?? []));

        return new XElement(list, entries.Select(entry =>
            new XElement(item, MamlText.DevType(entry.Name), MamlText.Description(entry.Description))));
    }

    // The closing empty paragraph is the blank line Get-Help otherwise leaves out between one
    // example's remarks and the next example's title.
    private static XElement Example(ExampleHelp example) =>
        new(CommandNs + "example",
            new XElement(MamlNs + "title", $"--------- {example.Title} ---------"),
            new XElement(DevNs + "code", example.Code ?? string.Empty),
            MamlText.Paragraphs(DevNs + "remarks", [.. example.Remarks, string.Empty]));
}
