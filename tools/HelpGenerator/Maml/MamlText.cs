using System.Xml.Linq;
using static VeleroOpenShift.HelpGenerator.Maml.MamlNamespaces;

namespace VeleroOpenShift.HelpGenerator.Maml;

/// <summary>Small element helpers shared by the MAML builders.</summary>
internal static class MamlText
{
    public static XElement Description(IEnumerable<string> paragraphs) => Paragraphs(MamlNs + "description", paragraphs);

    public static XElement Paragraphs(XName container, IEnumerable<string> paragraphs) =>
        new(container, paragraphs.Select(p => new XElement(MamlNs + "para", p)));

    public static XElement DevType(string name) =>
        new(DevNs + "type", new XElement(MamlNs + "name", name), new XElement(MamlNs + "uri"));

    public static string Boolean(bool value) => value ? "true" : "false";
}
