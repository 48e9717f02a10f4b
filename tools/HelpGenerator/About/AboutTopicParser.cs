using VeleroOpenShift.HelpGenerator.Markdown;

namespace VeleroOpenShift.HelpGenerator.About;

/// <summary>
/// Reads docs/&lt;culture&gt;/about_*.md: "# about_Name" (the file name), "## SHORT DESCRIPTION" first,
/// then any "## " sections (LONG DESCRIPTION, EXAMPLES, SEE ALSO, ...).
/// </summary>
internal static class AboutTopicParser
{
    public const string ShortDescriptionTitle = "SHORT DESCRIPTION";

    public static AboutTopic? Parse(string file, string markdown, ICollection<HelpDiagnostic> diagnostics)
    {
        var expectedName = Path.GetFileNameWithoutExtension(file);
        var blocks = MarkdownBlockReader.Read(markdown);
        var title = blocks.OfType<HeadingBlock>().FirstOrDefault(h => h.Level == 1);
        var sections = HelpSection.SplitAt(blocks, 2);
        var shortDescription = sections
            .Take(1)
            .Where(s => string.Equals(s.Title, ShortDescriptionTitle, StringComparison.OrdinalIgnoreCase))
            .SelectMany(s => s.Blocks.OfType<ParagraphBlock>())
            .FirstOrDefault()?.Text;

        var valid = true;
        if (!string.Equals(title?.Text, expectedName, StringComparison.OrdinalIgnoreCase))
        {
            diagnostics.Add(new HelpDiagnostic(file, title?.Line, HelpDiagnosticCodes.MalformedAboutTopic,
                $"the first heading must be '# {expectedName}', the file's name."));
            valid = false;
        }

        if (string.IsNullOrWhiteSpace(shortDescription))
        {
            diagnostics.Add(new HelpDiagnostic(file, null, HelpDiagnosticCodes.MalformedAboutTopic,
                $"the first section must be '## {ShortDescriptionTitle}' with a paragraph: Get-Help lists topics by it."));
            valid = false;
        }

        return valid ? new AboutTopic(expectedName, shortDescription!, sections) : null;
    }
}
