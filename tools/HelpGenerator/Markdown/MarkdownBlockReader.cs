using System.Text.RegularExpressions;

namespace VeleroOpenShift.HelpGenerator.Markdown;

/// <summary>
/// Splits help markdown into headings, paragraphs, lists and fenced code blocks. Deliberately not a
/// CommonMark parser: help files use a small, fixed subset, and a missing markdown package must not
/// be what keeps the build from producing help.
/// </summary>
internal static partial class MarkdownBlockReader
{
    public static IReadOnlyList<MarkdownBlock> Read(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var blocks = new List<MarkdownBlock>();
        var paragraph = new List<string>();
        var paragraphLine = 0;
        List<ListItem>? list = null;
        var listLine = 0;

        void Flush()
        {
            if (paragraph.Count > 0)
            {
                blocks.Add(new ParagraphBlock(paragraphLine, Unescape(string.Join(' ', paragraph))));
                paragraph.Clear();
            }

            if (list is not null)
            {
                blocks.Add(new ListBlock(listLine, list));
                list = null;
            }
        }

        for (var index = SkipFrontMatter(lines); index < lines.Length; index++)
        {
            var line = lines[index];
            var lineNumber = index + 1;

            if (string.IsNullOrWhiteSpace(line))
            {
                Flush();
                continue;
            }

            if (Fence().Match(line) is { Success: true } fence)
            {
                Flush();
                index = ReadFencedCode(lines, index, fence, blocks);
                continue;
            }

            if (Heading().Match(line) is { Success: true } heading)
            {
                Flush();
                blocks.Add(new HeadingBlock(lineNumber, heading.Groups["hashes"].Length, heading.Groups["text"].Value.Trim()));
                continue;
            }

            if (ListItemStart().Match(line) is { Success: true } item)
            {
                if (paragraph.Count > 0)
                {
                    Flush();
                }

                if (list is null)
                {
                    list = [];
                    listLine = lineNumber;
                }

                list.Add(new ListItem(item.Groups["marker"].Value, Unescape(item.Groups["text"].Value.Trim())));
                continue;
            }

            if (list is not null)
            {
                // A continuation line of the last item, indented or lazy as CommonMark allows.
                var last = list[^1];
                list[^1] = last with { Text = last.Text + " " + Unescape(line.Trim()) };
                continue;
            }

            if (paragraph.Count == 0)
            {
                paragraphLine = lineNumber;
            }

            paragraph.Add(line.Trim());
        }

        Flush();
        return blocks;
    }

    private static int SkipFrontMatter(string[] lines)
    {
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            return 0;
        }

        for (var index = 1; index < lines.Length; index++)
        {
            if (lines[index].TrimEnd() == "---")
            {
                return index + 1;
            }
        }

        // An unclosed "---" is a thematic break, not front matter.
        return 0;
    }

    private static int ReadFencedCode(string[] lines, int start, Match fence, List<MarkdownBlock> blocks)
    {
        var indent = fence.Groups["indent"].Length;
        var marker = fence.Groups["fence"].Value;
        var code = new List<string>();
        var index = start + 1;
        for (; index < lines.Length; index++)
        {
            var trimmed = lines[index].TrimStart();
            if (trimmed.StartsWith(marker, StringComparison.Ordinal) && trimmed.TrimEnd().Trim(marker[0]).Length == 0)
            {
                break;
            }

            code.Add(RemoveIndent(lines[index], indent));
        }

        blocks.Add(new CodeBlock(start + 1, fence.Groups["info"].Value.Trim(), string.Join('\n', code)));
        return index;
    }

    private static string RemoveIndent(string line, int indent)
    {
        var removable = 0;
        while (removable < indent && removable < line.Length && line[removable] == ' ')
        {
            removable++;
        }

        return line[removable..];
    }

    private static string Unescape(string text) => Escaped().Replace(text, "$1");

    [GeneratedRegex(@"^(?<indent> {0,3})(?<fence>`{3,}|~{3,})(?<info>[^`]*)$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^ {0,3}(?<hashes>#{1,6})[ \t]+(?<text>.*?)(?:[ \t]+#+)?[ \t]*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^ {0,3}(?<marker>[-*+]|\d{1,9}[.)])[ \t]+(?<text>.*)$")]
    private static partial Regex ListItemStart();

    [GeneratedRegex(@"\\([!-/:-@\[-`{-~])")]
    private static partial Regex Escaped();
}
