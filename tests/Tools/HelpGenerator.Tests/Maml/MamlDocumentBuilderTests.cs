using System.Xml.Linq;
using VeleroOpenShift.HelpGenerator.Maml;
using VeleroOpenShift.HelpGenerator.Markdown;
using Xunit;

namespace VeleroOpenShift.HelpGenerator.Tests.Maml;

public sealed class MamlDocumentBuilderTests
{
    private static readonly XNamespace Msh = "http://msh";
    private static readonly XNamespace MamlNs = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace CommandNs = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace DevNs = "http://schemas.microsoft.com/maml/dev/2004/10";

    private static readonly XElement Command = Build().Root!.Element(CommandNs + "command")!;

    private static XDocument Build() =>
        MamlDocumentBuilder.Build([(SampleHelp.Metadata(), CommandHelpParser.Parse(SampleHelp.File, SampleHelp.Markdown, []))]);

    private static string[] Paras(XElement? container) =>
        container!.Elements(MamlNs + "para").Select(p => p.Value).ToArray();

    private static XElement Parameter(XElement container, string name) =>
        container.Elements(CommandNs + "parameter").Single(p => p.Element(MamlNs + "name")!.Value == name);

    [Fact]
    public void RootAndPrefixesAreThoseGetHelpReads()
    {
        var text = Build().ToString();

        Assert.Equal(Msh + "helpItems", Build().Root!.Name);
        Assert.Equal("maml", Build().Root!.Attribute("schema")!.Value);
        Assert.Contains("<command:command>", text, StringComparison.Ordinal);
        Assert.Contains("<maml:para>Removes widgets.</maml:para>", text, StringComparison.Ordinal);
        Assert.Contains("<dev:code>Remove-Widget -Name blue</dev:code>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void DetailsComeFromMetadataAndSynopsisFromMarkdown()
    {
        var details = Command.Element(CommandNs + "details")!;

        Assert.Equal("Remove-Widget", details.Element(CommandNs + "name")!.Value);
        Assert.Equal("Remove", details.Element(CommandNs + "verb")!.Value);
        Assert.Equal("Widget", details.Element(CommandNs + "noun")!.Value);
        Assert.Equal(["Removes widgets."], Paras(details.Element(MamlNs + "description")));
        Assert.Equal(3, Paras(Command.Element(MamlNs + "description")).Length);
    }

    [Fact]
    public void OneSyntaxItemPerParameterSetWithBindingFromThatSet()
    {
        var items = Command.Element(CommandNs + "syntax")!.Elements(CommandNs + "syntaxItem").ToList();

        Assert.Equal(2, items.Count);
        Assert.Equal(["Name", "Color", "Force", "WhatIf", "Confirm"], items[0].Elements(CommandNs + "parameter").Select(p => p.Element(MamlNs + "name")!.Value));

        var name = Parameter(items[0], "Name");
        Assert.Equal(
            ("true", "0", "True (ByPropertyName)", "true", "true", "WidgetName"),
            (name.Attribute("required")!.Value, name.Attribute("position")!.Value, name.Attribute("pipelineInput")!.Value,
             name.Attribute("globbing")!.Value, name.Attribute("variableLength")!.Value, name.Attribute("aliases")!.Value));
        Assert.Equal("String[]", name.Element(CommandNs + "parameterValue")!.Value);
        Assert.Equal("System.String[]", name.Element(DevNs + "type")!.Element(MamlNs + "name")!.Value);

        var inputObject = Parameter(items[1], "InputObject");
        Assert.Equal(("true", "named", "True (ByValue)"),
            (inputObject.Attribute("required")!.Value, inputObject.Attribute("position")!.Value, inputObject.Attribute("pipelineInput")!.Value));
    }

    [Fact]
    public void SwitchesHaveNoValueInSyntaxAndAcceptedValuesAreListed()
    {
        var syntax = Command.Element(CommandNs + "syntax")!.Elements(CommandNs + "syntaxItem").First();

        Assert.Null(Parameter(syntax, "Force").Element(CommandNs + "parameterValue"));
        Assert.Equal(["Red", "Blue"],
            Parameter(syntax, "Color").Element(CommandNs + "parameterValueGroup")!.Elements(CommandNs + "parameterValue").Select(v => v.Value));
    }

    [Fact]
    public void ParametersFollowTheMarkdownOrderWithStandardTextForWhatIfAndConfirm()
    {
        var parameters = Command.Element(CommandNs + "parameters")!;

        Assert.Equal(["Name", "InputObject", "Color", "Force", "WhatIf", "Confirm"],
            parameters.Elements(CommandNs + "parameter").Select(p => p.Element(MamlNs + "name")!.Value));
        Assert.Equal(["Names of the widgets; wildcards are allowed."], Paras(Parameter(parameters, "Name").Element(MamlNs + "description")));
        Assert.Equal(["Shows what would happen if the cmdlet runs. The cmdlet is not run."], Paras(Parameter(parameters, "WhatIf").Element(MamlNs + "description")));
        Assert.Equal("SwitchParameter", Parameter(parameters, "Force").Element(CommandNs + "parameterValue")!.Value);
        Assert.Equal("False", Parameter(parameters, "Force").Element(DevNs + "defaultValue")!.Value);
    }

    [Fact]
    public void InputAndOutputTypesComeFromMetadataWithMarkdownDescriptions()
    {
        string[] TypeNames(string list, string item) =>
            Command.Element(CommandNs + list)!.Elements(CommandNs + item).Select(t => t.Element(DevNs + "type")!.Element(MamlNs + "name")!.Value).ToArray();

        Assert.Equal(["System.String[]", "Widgets.Widget"], TypeNames("inputTypes", "inputType"));
        Assert.Equal(["System.String"], TypeNames("returnValues", "returnValue"));
        var widget = Command.Element(CommandNs + "inputTypes")!.Elements(CommandNs + "inputType").Last();
        Assert.Equal(["A widget object."], Paras(widget.Element(MamlNs + "description")));
    }

    [Fact]
    public void ExamplesNotesAndLinks()
    {
        var examples = Command.Element(CommandNs + "examples")!.Elements(CommandNs + "example").ToList();

        Assert.Equal("--------- Example 1: Remove one widget ---------", examples[0].Element(MamlNs + "title")!.Value);
        Assert.Equal("Get-Widget -Color Red |\n    Remove-Widget -Force", examples[1].Element(DevNs + "code")!.Value);
        Assert.Equal(["Removes every red widget.", "# nothing is written", ""], Paras(examples[1].Element(DevNs + "remarks")));
        Assert.Equal(["Needs write access to the store."], Paras(Command.Element(MamlNs + "alertSet")!.Element(MamlNs + "alert")));
        Assert.Equal(
            [("Get-Widget", ""), ("Online help", "https://example.invalid/remove-widget"), ("about_Widgets", "")],
            Command.Element(CommandNs + "relatedLinks")!.Elements(MamlNs + "navigationLink")
                .Select(l => (l.Element(MamlNs + "linkText")!.Value, l.Element(MamlNs + "uri")!.Value)));
    }
}
