using System.Text;
using System.Xml;
using VeleroOpenShift.HelpGenerator.About;
using VeleroOpenShift.HelpGenerator.Maml;

namespace VeleroOpenShift.HelpGenerator;

/// <summary>
/// Writes the module's culture folder: one &lt;assembly&gt;-Help.xml per cmdlet assembly (the name
/// PowerShell looks for) and one about_*.help.txt per topic.
/// </summary>
internal static class HelpOutputWriter
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static IReadOnlyList<string> Write(string moduleDirectory, string culture, HelpSources sources)
    {
        var cultureDirectory = Directory.CreateDirectory(Path.Combine(moduleDirectory, culture)).FullName;
        var written = new List<string>();

        foreach (var assembly in sources.Commands.GroupBy(c => c.Cmdlet.HelpFileName, StringComparer.OrdinalIgnoreCase))
        {
            var path = Path.Combine(cultureDirectory, assembly.Key);
            var settings = new XmlWriterSettings { Indent = true, Encoding = Utf8, NewLineChars = "\n" };
            using (var writer = XmlWriter.Create(path, settings))
            {
                MamlDocumentBuilder.Build(assembly.OrderBy(c => c.Cmdlet.Name, StringComparer.OrdinalIgnoreCase)).Save(writer);
            }

            written.Add(path);
        }

        foreach (var topic in sources.AboutTopics)
        {
            var path = Path.Combine(cultureDirectory, topic.Name + ".help.txt");
            File.WriteAllText(path, AboutTopicRenderer.Render(topic), Utf8);
            written.Add(path);
        }

        return written;
    }
}
