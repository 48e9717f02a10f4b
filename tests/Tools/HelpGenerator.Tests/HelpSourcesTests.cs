using Xunit;

namespace VeleroOpenShift.HelpGenerator.Tests;

public sealed class HelpSourcesTests
{
    private const string About = "# about_Widgets\n\n## SHORT DESCRIPTION\nWidgets.\n";

    [Fact]
    public void PairsEachCmdletWithItsFileAndReadsAboutTopics()
    {
        using var docs = new TemporaryDirectory();
        docs.Write("Remove-Widget.md", SampleHelp.Markdown);
        docs.Write("about_Widgets.md", About);
        var diagnostics = new List<HelpDiagnostic>();

        var sources = HelpSources.Load(docs.Path, [SampleHelp.Metadata()], diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal("Remove-Widget", Assert.Single(sources.Commands).Help.Name);
        Assert.Equal("about_Widgets", Assert.Single(sources.AboutTopics).Name);
    }

    [Fact]
    public void ACmdletWithoutAFileIsAnErrorNamingTheFileToWrite()
    {
        using var docs = new TemporaryDirectory();
        docs.Write("about_Widgets.md", About);
        var diagnostics = new List<HelpDiagnostic>();

        HelpSources.Load(docs.Path, [SampleHelp.Metadata()], diagnostics);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(
            $"{Path.Combine(docs.Path, "Remove-Widget.md")}: error HG0001: cmdlet Remove-Widget has no help file; write Remove-Widget.md (see tools/HelpGenerator/README.md).",
            diagnostic.ToString());
    }

    [Fact]
    public void AFileForACmdletTheModuleDoesNotExportIsAnError()
    {
        using var docs = new TemporaryDirectory();
        docs.Write("Remove-Widget.md", SampleHelp.Markdown);
        var orphan = docs.Write("Remove-Gadget.md", SampleHelp.Markdown);
        var diagnostics = new List<HelpDiagnostic>();

        HelpSources.Load(docs.Path, [SampleHelp.Metadata()], diagnostics);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal((orphan, HelpDiagnosticCodes.HelpWithoutCommand), (diagnostic.File, diagnostic.Code));
    }
}
