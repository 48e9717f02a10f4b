using VeleroOpenShift.HelpGenerator.Markdown;
using Xunit;

namespace VeleroOpenShift.HelpGenerator.Tests.Markdown;

public sealed class CommandHelpParserTests
{
    private readonly List<HelpDiagnostic> _diagnostics = [];

    private CommandHelp Parse(string markdown = SampleHelp.Markdown) => CommandHelpParser.Parse(SampleHelp.File, markdown, _diagnostics);

    [Fact]
    public void ReadsNameSynopsisAndDescriptionParagraphs()
    {
        var help = Parse();

        Assert.Empty(_diagnostics);
        Assert.Equal("Remove-Widget", help.Name);
        Assert.Equal(["Removes widgets."], help.Synopsis);
        Assert.Equal(
            [
                "The `Remove-Widget` cmdlet removes widgets from the widget store.",
                "Removed widgets cannot be restored.",
                "- first point\n- second point continued",
            ],
            help.Description);
    }

    [Fact]
    public void ExamplesTakeTheFirstCodeBlockAsCodeAndTheRestAsRemarks()
    {
        var examples = Parse().Examples;

        Assert.Equal(["Example 1: Remove one widget", "Example 2: Remove widgets from the pipeline"], examples.Select(e => e.Title));
        Assert.Equal("Remove-Widget -Name blue", examples[0].Code);
        Assert.Equal(["Removes the widget named blue."], examples[0].Remarks);
        Assert.Equal("Get-Widget -Color Red |\n    Remove-Widget -Force", examples[1].Code);
        Assert.Equal(["Removes every red widget.", "# nothing is written"], examples[1].Remarks);
    }

    [Fact]
    public void ParametersDropTheYamlBlockAndTheCommonParametersEntry()
    {
        var parameters = Parse().Parameters;

        Assert.Equal(["Name", "InputObject", "Color", "Force"], parameters.Select(p => p.Name));
        Assert.Equal(["Names of the widgets; wildcards are allowed."], parameters[0].Description);
    }

    [Fact]
    public void ReadsInputsOutputsNotesAndLinks()
    {
        var help = Parse();

        Assert.Equal("Widget", Assert.Single(help.Inputs).TypeName);
        Assert.Equal(["A widget object."], help.Inputs[0].Description);
        Assert.Equal("System.String", Assert.Single(help.Outputs).TypeName);
        Assert.Equal(["Needs write access to the store."], help.Notes);
        Assert.Equal(
            [
                new RelatedLink("Get-Widget", null),
                new RelatedLink("Online help", "https://example.invalid/remove-widget"),
                new RelatedLink("about_Widgets", null),
            ],
            help.RelatedLinks);
    }

    [Fact]
    public void AnUnknownOrRepeatedSectionIsReportedWithFileAndLine()
    {
        Parse("# Remove-Widget\n## SYNOPSIS\nx\n## EXAMPLE\n### Example 1\n## SYNOPSIS\ny");

        Assert.Collection(_diagnostics,
            d => Assert.Equal($"{SampleHelp.File}(4): error HG0009: unknown section '## EXAMPLE'; expected one of: SYNOPSIS, SYNTAX, ALIASES, DESCRIPTION, EXAMPLES, PARAMETERS, INPUTS, OUTPUTS, NOTES, RELATED LINKS.", d.ToString()),
            d => Assert.Equal((SampleHelp.File, 6, HelpDiagnosticCodes.DuplicateEntry), (d.File, d.Line, d.Code)));
    }
}
