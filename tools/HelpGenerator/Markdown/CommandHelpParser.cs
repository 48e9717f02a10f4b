using System.Text.RegularExpressions;

namespace VeleroOpenShift.HelpGenerator.Markdown;

/// <summary>
/// Reads a cmdlet help file laid out like platyPS's: "# Verb-Noun", then "## SYNOPSIS",
/// "## SYNTAX", "## DESCRIPTION", "## EXAMPLES", "## PARAMETERS", "## INPUTS", "## OUTPUTS",
/// "## NOTES", "## RELATED LINKS". Reports layout problems; whether the content matches the cmdlet
/// is <see cref="Validation.CommandHelpValidator"/>'s job.
/// </summary>
internal static partial class CommandHelpParser
{
    private static readonly HashSet<string> KnownSections = new(StringComparer.OrdinalIgnoreCase)
    {
        "SYNOPSIS", "SYNTAX", "ALIASES", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS",
    };

    public static CommandHelp Parse(string file, string markdown, ICollection<HelpDiagnostic> diagnostics)
    {
        var blocks = MarkdownBlockReader.Read(markdown);
        var title = blocks.OfType<HeadingBlock>().FirstOrDefault(h => h.Level == 1);
        var sections = HelpSection.SplitAt(blocks, 2);

        foreach (var section in sections.Where(s => !KnownSections.Contains(s.Title)))
        {
            diagnostics.Add(new HelpDiagnostic(file, section.Line, HelpDiagnosticCodes.UnknownSection,
                $"unknown section '## {section.Title}'; expected one of: {string.Join(", ", KnownSections)}."));
        }

        foreach (var repeated in sections.GroupBy(s => s.Title, StringComparer.OrdinalIgnoreCase).SelectMany(g => g.Skip(1)))
        {
            diagnostics.Add(new HelpDiagnostic(file, repeated.Line, HelpDiagnosticCodes.DuplicateEntry,
                $"section '## {repeated.Title}' appears more than once."));
        }

        HelpSection? Section(string name) =>
            sections.FirstOrDefault(s => string.Equals(s.Title, name, StringComparison.OrdinalIgnoreCase));

        IReadOnlyList<string> Text(string name) => Section(name) is { } s ? HelpText.Paragraphs(s.Blocks) : [];

        return new CommandHelp(
            file,
            title?.Text,
            title?.Line ?? 1,
            Text("SYNOPSIS"),
            Text("DESCRIPTION"),
            Section("EXAMPLES")?.Split(3).Select(ReadExample).ToList() ?? [],
            Section("PARAMETERS")?.Split(3).Where(p => !IsCommonParametersEntry(p)).Select(ReadParameter).ToList() ?? [],
            Section("INPUTS")?.Split(3).Select(ReadType).ToList() ?? [],
            Section("OUTPUTS")?.Split(3).Select(ReadType).ToList() ?? [],
            Text("NOTES"),
            Section("RELATED LINKS") is { } links ? ReadLinks(links.Blocks) : []);
    }

    private static ExampleHelp ReadExample(HelpSection example)
    {
        var code = example.Blocks.OfType<CodeBlock>().FirstOrDefault();
        var remarks = example.Blocks.Where(b => !ReferenceEquals(b, code));
        return new ExampleHelp(example.Line, example.Title, code?.Code, HelpText.Paragraphs(remarks));
    }

    // platyPS writes "### -Name"; its yaml block of type/position/... is ignored because the
    // cmdlet's own metadata is the truth for those.
    private static ParameterHelp ReadParameter(HelpSection parameter) =>
        new(parameter.Line,
            parameter.Title.TrimStart('-').Trim(),
            HelpText.Paragraphs(parameter.Blocks.Where(b => b is not CodeBlock { Language: "yaml" })));

    private static bool IsCommonParametersEntry(HelpSection parameter) =>
        string.Equals(parameter.Title, "CommonParameters", StringComparison.OrdinalIgnoreCase);

    private static TypeHelp ReadType(HelpSection type) =>
        new(type.Line, type.Title.Trim('`'), HelpText.Paragraphs(type.Blocks));

    private static List<RelatedLink> ReadLinks(IEnumerable<MarkdownBlock> blocks)
    {
        var entries = blocks.SelectMany(block => block switch
        {
            ListBlock list => list.Items.Select(item => item.Text),
            ParagraphBlock paragraph => [paragraph.Text],
            _ => [],
        });

        var links = new List<RelatedLink>();
        foreach (var entry in entries)
        {
            var matches = Link().Matches(entry);
            if (matches.Count == 0)
            {
                links.Add(new RelatedLink(entry, null));
            }

            links.AddRange(matches.Select(m => new RelatedLink(m.Groups["text"].Value, WebAddressOrNull(m.Groups["uri"].Value))));
        }

        return links;
    }

    // A link to a sibling .md file names a help topic, which Get-Help shows by its text; only a web
    // address is worth a maml:uri (Get-Help -Online opens the first one).
    private static string? WebAddressOrNull(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var address) && address.Scheme is "http" or "https" ? uri : null;

    [GeneratedRegex(@"\[(?<text>[^\]]+)\]\((?<uri>[^)\s]*)\)")]
    private static partial Regex Link();
}
