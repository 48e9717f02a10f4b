using VeleroOpenShift.HelpGenerator.About;
using Xunit;

namespace VeleroOpenShift.HelpGenerator.Tests.About;

public sealed class AboutTopicTests
{
    private const string File = "/docs/en-US/about_Widgets.md";

    private const string Markdown = """
        # about_Widgets

        ## SHORT DESCRIPTION
        Explains widgets.

        ## LONG DESCRIPTION
        Widgets are small. This sentence is long enough that it has to be wrapped before the eightieth column.

        ### Kinds
        - round
        - square

        ```powershell
        Get-Widget
        ```
        """;

    [Fact]
    public void RendersTheClassicLayoutWithTheShortDescriptionOnLineFive()
    {
        var topic = AboutTopicParser.Parse(File, Markdown, [])!;

        var lines = AboutTopicRenderer.Render(topic).Split('\n');

        // PowerShell shows line 5 of an about_ file as the topic's synopsis.
        Assert.Equal(
            [
                "TOPIC",
                "    about_Widgets",
                "",
                "SHORT DESCRIPTION",
                "    Explains widgets.",
                "",
                "LONG DESCRIPTION",
                "    Widgets are small. This sentence is long enough that it has to be wrapped",
                "    before the eightieth column.",
                "",
                "    Kinds",
                "    -----",
                "",
                "    - round",
                "    - square",
                "",
                "        Get-Widget",
                "",
            ],
            lines);
    }

    [Fact]
    public void TheTitleMustBeTheFileNameAndTheShortDescriptionMustComeFirst()
    {
        var diagnostics = new List<HelpDiagnostic>();

        var topic = AboutTopicParser.Parse(File, "# about_Gadgets\n\n## LONG DESCRIPTION\nText.", diagnostics);

        Assert.Null(topic);
        Assert.Equal(
            [
                $"{File}(1): error HG0012: the first heading must be '# about_Widgets', the file's name.",
                $"{File}: error HG0012: the first section must be '## SHORT DESCRIPTION' with a paragraph: Get-Help lists topics by it.",
            ],
            diagnostics.Select(d => d.ToString()));
    }
}
