namespace VeleroOpenShift.HelpGenerator.Markdown;

/// <summary>Turns markdown blocks into the plain paragraphs that MAML and Get-Help show.</summary>
internal static class HelpText
{
    public static IReadOnlyList<string> Paragraphs(IEnumerable<MarkdownBlock> blocks) =>
        blocks.Select(Paragraph).ToList();

    private static string Paragraph(MarkdownBlock block) => block switch
    {
        ParagraphBlock paragraph => paragraph.Text,
        ListBlock list => string.Join('\n', list.Items.Select(item => $"{item.Marker} {item.Text}")),
        CodeBlock code => code.Code,
        HeadingBlock heading => heading.Text,
        _ => throw new ArgumentOutOfRangeException(nameof(block), block.GetType().Name, "Unknown markdown block."),
    };
}
