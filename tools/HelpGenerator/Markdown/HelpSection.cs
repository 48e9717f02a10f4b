namespace VeleroOpenShift.HelpGenerator.Markdown;

/// <summary>A "## NAME" section, or a "### Name" entry inside one, with the blocks under it.</summary>
internal sealed record HelpSection(int Line, string Title, IReadOnlyList<MarkdownBlock> Blocks)
{
    /// <summary>Splits the blocks at each heading of <paramref name="level"/>; text before the first heading is dropped.</summary>
    public IReadOnlyList<HelpSection> Split(int level) => SplitAt(Blocks, level);

    public static IReadOnlyList<HelpSection> SplitAt(IEnumerable<MarkdownBlock> blocks, int level)
    {
        var sections = new List<HelpSection>();
        HeadingBlock? heading = null;
        var content = new List<MarkdownBlock>();
        foreach (var block in blocks)
        {
            if (block is HeadingBlock h && h.Level == level)
            {
                if (heading is not null)
                {
                    sections.Add(new HelpSection(heading.Line, heading.Text, content));
                }

                heading = h;
                content = [];
            }
            else if (heading is not null)
            {
                content.Add(block);
            }
        }

        if (heading is not null)
        {
            sections.Add(new HelpSection(heading.Line, heading.Text, content));
        }

        return sections;
    }
}
