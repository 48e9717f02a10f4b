using VeleroOpenShift.HelpGenerator.About;
using VeleroOpenShift.HelpGenerator.Markdown;
using VeleroOpenShift.HelpGenerator.Metadata;
using VeleroOpenShift.HelpGenerator.Validation;

namespace VeleroOpenShift.HelpGenerator;

/// <summary>
/// The markdown of one culture folder, paired with the cmdlets it documents and checked against
/// them: every cmdlet has a file, every cmdlet file has a cmdlet, every file says what its cmdlet does.
/// </summary>
internal sealed record HelpSources(
    IReadOnlyList<(CmdletMetadata Cmdlet, CommandHelp Help)> Commands,
    IReadOnlyList<AboutTopic> AboutTopics)
{
    public const string AboutPrefix = "about_";

    public static HelpSources Load(string docsDirectory, IReadOnlyList<CmdletMetadata> cmdlets, ICollection<HelpDiagnostic> diagnostics)
    {
        var files = Directory.GetFiles(docsDirectory, "*.md").Order(StringComparer.Ordinal).ToList();
        bool IsAbout(string file) => Path.GetFileName(file).StartsWith(AboutPrefix, StringComparison.OrdinalIgnoreCase);

        var commands = new List<(CmdletMetadata, CommandHelp)>();
        foreach (var cmdlet in cmdlets)
        {
            var file = files.FirstOrDefault(f => !IsAbout(f)
                && string.Equals(Path.GetFileNameWithoutExtension(f), cmdlet.Name, StringComparison.OrdinalIgnoreCase));
            if (file is null)
            {
                diagnostics.Add(new HelpDiagnostic(Path.Combine(docsDirectory, cmdlet.Name + ".md"), null, HelpDiagnosticCodes.MissingCommandHelp,
                    $"cmdlet {cmdlet.Name} has no help file; write {cmdlet.Name}.md (see tools/HelpGenerator/README.md)."));
                continue;
            }

            var help = CommandHelpParser.Parse(file, File.ReadAllText(file), diagnostics);
            CommandHelpValidator.Validate(help, cmdlet, diagnostics);
            commands.Add((cmdlet, help));
        }

        foreach (var orphan in files.Where(f => !IsAbout(f)
            && !cmdlets.Any(c => string.Equals(c.Name, Path.GetFileNameWithoutExtension(f), StringComparison.OrdinalIgnoreCase))))
        {
            diagnostics.Add(new HelpDiagnostic(orphan, null, HelpDiagnosticCodes.HelpWithoutCommand,
                $"the module exports no cmdlet named {Path.GetFileNameWithoutExtension(orphan)}; rename or remove this file."));
        }

        var aboutTopics = files.Where(IsAbout)
            .Select(f => AboutTopicParser.Parse(f, File.ReadAllText(f), diagnostics))
            .OfType<AboutTopic>()
            .ToList();

        return new HelpSources(commands, aboutTopics);
    }
}
