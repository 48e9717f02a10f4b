using System.Text;
using VeleroOpenShift.HelpGenerator.Markdown;

namespace VeleroOpenShift.HelpGenerator.About;

/// <summary>
/// Writes the classic about_*.help.txt layout: section titles in capitals at the margin, text
/// indented four spaces, code eight.
/// </summary>
internal static class AboutTopicRenderer
{
    private const string Indent = "    ";
    private const string CodeIndent = "        ";

    public static string Render(AboutTopic topic)
    {
        // Get-Help takes line 5 of the file as the topic's synopsis, so the first five lines are
        // fixed: TOPIC, name, blank, SHORT DESCRIPTION, the short description on one line.
        var text = new StringBuilder()
            .Append("TOPIC\n")
            .Append(Indent).Append(topic.Name).Append('\n');

        foreach (var section in topic.Sections)
        {
            text.Append('\n').Append(section.Title.ToUpperInvariant()).Append('\n');
            var blocks = section.Blocks;
            if (string.Equals(section.Title, AboutTopicParser.ShortDescriptionTitle, StringComparison.OrdinalIgnoreCase))
            {
                text.Append(Indent).Append(topic.ShortDescription).Append('\n');
                blocks = blocks.SkipWhile(b => b is not ParagraphBlock).Skip(1).ToList();
                if (blocks.Count > 0)
                {
                    text.Append('\n');
                }
            }

            AppendBlocks(text, blocks);
        }

        return text.ToString();
    }

    private static void AppendBlocks(StringBuilder text, IReadOnlyList<MarkdownBlock> blocks)
    {
        for (var index = 0; index < blocks.Count; index++)
        {
            if (index > 0)
            {
                text.Append('\n');
            }

            switch (blocks[index])
            {
                case HeadingBlock heading:
                    text.Append(Indent).Append(heading.Text).Append('\n')
                        .Append(Indent).Append('-', heading.Text.Length).Append('\n');
                    break;
                case ParagraphBlock paragraph:
                    text.Append(TextWrapper.Wrap(paragraph.Text, Indent, Indent)).Append('\n');
                    break;
                case ListBlock list:
                    foreach (var item in list.Items)
                    {
                        var hanging = Indent + new string(' ', item.Marker.Length + 1);
                        text.Append(TextWrapper.Wrap(item.Text, Indent + item.Marker + " ", hanging)).Append('\n');
                    }

                    break;
                case CodeBlock code:
                    foreach (var line in code.Code.Split('\n'))
                    {
                        text.Append(line.Length == 0 ? string.Empty : CodeIndent + line).Append('\n');
                    }

                    break;
            }
        }
    }
}
