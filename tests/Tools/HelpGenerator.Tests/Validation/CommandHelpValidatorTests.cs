using VeleroOpenShift.HelpGenerator.Markdown;
using VeleroOpenShift.HelpGenerator.Validation;
using Xunit;

namespace VeleroOpenShift.HelpGenerator.Tests.Validation;

public sealed class CommandHelpValidatorTests
{
    private static List<HelpDiagnostic> Validate(string markdown)
    {
        var diagnostics = new List<HelpDiagnostic>();
        var help = CommandHelpParser.Parse(SampleHelp.File, markdown, diagnostics);
        CommandHelpValidator.Validate(help, SampleHelp.Metadata(), diagnostics);
        return diagnostics;
    }

    private static string Without(string section) =>
        string.Join('\n', SampleHelp.Markdown.Split('\n').Where(line => !line.Contains(section, StringComparison.Ordinal)));

    [Fact]
    public void TheSampleIsValidWithoutDocumentingWhatIfAndConfirm()
    {
        Assert.Empty(Validate(SampleHelp.Markdown));
    }

    [Fact]
    public void AMissingSynopsisIsAnErrorNamingTheFile()
    {
        var diagnostic = Assert.Single(Validate(SampleHelp.Markdown.Replace("Removes widgets.\n", string.Empty, StringComparison.Ordinal)));

        Assert.Equal($"{SampleHelp.File}: error HG0004: Remove-Widget has no '## SYNOPSIS' text.", diagnostic.ToString());
    }

    [Fact]
    public void FewerThanTwoExamplesIsAnError()
    {
        var markdown = SampleHelp.Markdown.Replace("### Example 2: Remove widgets from the pipeline", "Second example, lost its heading:", StringComparison.Ordinal);

        var diagnostic = Assert.Single(Validate(markdown));

        Assert.Equal((SampleHelp.File, HelpDiagnosticCodes.TooFewExamples), (diagnostic.File, diagnostic.Code));
        Assert.Contains("has 1 example(s)", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnExampleWithoutCodeIsAnError()
    {
        var markdown = SampleHelp.Markdown.Replace("```powershell\nRemove-Widget -Name blue\n```", string.Empty, StringComparison.Ordinal);

        var diagnostic = Assert.Single(Validate(markdown));

        Assert.Equal((SampleHelp.File, 28, HelpDiagnosticCodes.ExampleWithoutCode), (diagnostic.File, diagnostic.Line, diagnostic.Code));
    }

    [Fact]
    public void DocumentingAParameterTheCmdletDoesNotHaveIsAnErrorAtItsHeading()
    {
        var markdown = SampleHelp.Markdown.Replace("### -Force", "### -Forcefully", StringComparison.Ordinal);

        var diagnostics = Validate(markdown);

        Assert.Equal(
            [
                $"{SampleHelp.File}(64): error HG0007: documents parameter -Forcefully, which Remove-Widget does not have.",
                $"{SampleHelp.File}: error HG0008: Remove-Widget has parameter -Force, which '## PARAMETERS' does not document ('### -Force').",
            ],
            diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void DocumentingAParameterTwiceIsAnError()
    {
        var markdown = SampleHelp.Markdown.Replace("### -Force\n", "### -Force\nOnce.\n\n### -Force\n", StringComparison.Ordinal);

        Assert.Equal(HelpDiagnosticCodes.DuplicateEntry, Assert.Single(Validate(markdown)).Code);
    }

    [Fact]
    public void ATitleThatIsNotTheCmdletIsAnError()
    {
        var diagnostic = Assert.Single(Validate(SampleHelp.Markdown.Replace("# Remove-Widget", "# Remove-Gadget", StringComparison.Ordinal)));

        Assert.Equal((6, HelpDiagnosticCodes.TitleMismatch), (diagnostic.Line, diagnostic.Code));
    }

    [Fact]
    public void AnOutputTypeTheCmdletDoesNotDeclareIsAnError()
    {
        var diagnostic = Assert.Single(Validate(SampleHelp.Markdown.Replace("### System.String", "### System.Int32", StringComparison.Ordinal)));

        Assert.Equal(HelpDiagnosticCodes.UndeclaredType, diagnostic.Code);
        Assert.Contains("'## OUTPUTS' documents 'System.Int32'; the cmdlet's metadata has System.String", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InputsMayBeNamedByFullOrShortTypeName()
    {
        Assert.Empty(Validate(SampleHelp.Markdown.Replace("### Widget", "### Widgets.Widget", StringComparison.Ordinal)));
        Assert.Empty(Validate(Without("A widget object.").Replace("### Widget\n", string.Empty, StringComparison.Ordinal)));
    }
}
