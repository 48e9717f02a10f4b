using System.Xml.Linq;
using VeleroOpenShift.HelpGenerator.Markdown;
using VeleroOpenShift.HelpGenerator.Metadata;
using static VeleroOpenShift.HelpGenerator.Maml.MamlNamespaces;

namespace VeleroOpenShift.HelpGenerator.Maml;

/// <summary>Builds the &lt;assembly&gt;-Help.xml document: a helpItems root holding one command per cmdlet.</summary>
internal static class MamlDocumentBuilder
{
    public static XDocument Build(IEnumerable<(CmdletMetadata Cmdlet, CommandHelp Help)> commands) =>
        new(new XDeclaration("1.0", "utf-8", null),
            new XElement(MshNs + "helpItems",
                new XAttribute("schema", "maml"),
                Declarations(),
                commands.Select(c => CommandElementBuilder.Build(c.Cmdlet, c.Help))));
}
