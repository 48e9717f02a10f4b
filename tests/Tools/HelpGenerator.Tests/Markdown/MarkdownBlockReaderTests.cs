using VeleroOpenShift.HelpGenerator.Markdown;
using Xunit;

namespace VeleroOpenShift.HelpGenerator.Tests.Markdown;

public sealed class MarkdownBlockReaderTests
{
    [Fact]
    public void FrontMatterIsSkippedAndLinesAreCounted()
    {
        var blocks = MarkdownBlockReader.Read("---\ntitle: x\n---\n# Get-Thing\n");

        var heading = Assert.IsType<HeadingBlock>(Assert.Single(blocks));
        Assert.Equal((1, "Get-Thing", 4), (heading.Level, heading.Text, heading.Line));
    }

    [Fact]
    public void ParagraphLinesAreJoinedAndEscapesRemoved()
    {
        var blocks = MarkdownBlockReader.Read("Takes a\n\\<name\\> and\nreturns it.\n\nSecond.");

        Assert.Equal(["Takes a <name> and returns it.", "Second."], blocks.Cast<ParagraphBlock>().Select(p => p.Text));
    }

    [Fact]
    public void FencedCodeKeepsItsLinesEvenWhenTheyLookLikeHeadings()
    {
        var blocks = MarkdownBlockReader.Read("```powershell\n# a comment\n\n  Get-Thing\n```\n## NEXT");

        var code = Assert.IsType<CodeBlock>(blocks[0]);
        Assert.Equal(("powershell", "# a comment\n\n  Get-Thing"), (code.Language, code.Code));
        Assert.Equal("NEXT", Assert.IsType<HeadingBlock>(blocks[1]).Text);
    }

    [Fact]
    public void ListItemsKeepMarkersAndTakeContinuationLines()
    {
        var blocks = MarkdownBlockReader.Read("- one\n  more\n1. two");

        var list = Assert.IsType<ListBlock>(Assert.Single(blocks));
        Assert.Equal([new ListItem("-", "one more"), new ListItem("1.", "two")], list.Items);
    }

    [Fact]
    public void ClosingHashesOfAHeadingAreDroppedButAHashInTheTextStays()
    {
        var blocks = MarkdownBlockReader.Read("## NOTES ##\n### C# types");

        Assert.Equal(["NOTES", "C# types"], blocks.Cast<HeadingBlock>().Select(h => h.Text));
    }
}
