using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace VeleroOpenShift.Velero.Manifests;

/// <summary>
/// Writes a manifest (nested maps of strings and booleans, in the order given) as one YAML document through YamlDotNet's
/// representation model, which works under Native AOT. Strings that YAML would read as something else ("true", "5",
/// "3.47", "null", "") are quoted, so that a kubectl apply of the output gives back exactly the strings put in.
/// </summary>
public static partial class ManifestYaml
{
    public static string Write(IReadOnlyList<KeyValuePair<string, object>> manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var document = new YamlDocument(Map(manifest));
        using var writer = new StringWriter();
        new YamlStream(document).Save(writer, assignAnchors: false);
        // YamlStream ends every document with an explicit "..." marker; kubectl accepts it, people do not expect it.
        var text = writer.ToString();
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }

    private static YamlMappingNode Map(IEnumerable<KeyValuePair<string, object>> entries)
    {
        var node = new YamlMappingNode();
        foreach (var (key, value) in entries)
        {
            node.Add(new YamlScalarNode(key), value switch
            {
                string text => Scalar(text),
                bool flag => new YamlScalarNode(flag ? "true" : "false"),
                IEnumerable<KeyValuePair<string, object>> nested => Map(nested),
                IEnumerable<KeyValuePair<string, string>> strings => Map(strings.Select(s => new KeyValuePair<string, object>(s.Key, s.Value))),
                _ => throw new ArgumentException($"manifest field {key}: {value?.GetType().Name ?? "null"} is not a string, boolean or map", nameof(entries)),
            });
        }

        return node;
    }

    private static YamlScalarNode Scalar(string text) =>
        PlainSafe().IsMatch(text) && !ReadAsOtherType().IsMatch(text)
            ? new YamlScalarNode(text)
            : new YamlScalarNode(text) { Style = ScalarStyle.DoubleQuoted };

    // A colon is plain-safe inside a scalar ("https://host:5000/v3"), not at its end.
    [GeneratedRegex(@"^[A-Za-z_](?:[A-Za-z0-9_./-]|:(?!$))*$")]
    private static partial Regex PlainSafe();

    // YAML 1.1 words kubectl's parser turns into booleans or null.
    [GeneratedRegex(@"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL)$")]
    private static partial Regex ReadAsOtherType();
}
