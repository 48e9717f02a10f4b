using System.Xml.Linq;

namespace VeleroOpenShift.HelpGenerator.Maml;

/// <summary>
/// The MAML namespaces with the prefixes PowerShell's help loader expects: it matches elements
/// such as "command:command" by qualified name, so the prefixes are part of the format.
/// </summary>
internal static class MamlNamespaces
{
    public static readonly XNamespace MshNs = "http://msh";
    public static readonly XNamespace MamlNs = "http://schemas.microsoft.com/maml/2004/10";
    public static readonly XNamespace CommandNs = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    public static readonly XNamespace DevNs = "http://schemas.microsoft.com/maml/dev/2004/10";

    public static IEnumerable<XAttribute> Declarations() =>
    [
        new(XNamespace.Xmlns + "maml", MamlNs.NamespaceName),
        new(XNamespace.Xmlns + "command", CommandNs.NamespaceName),
        new(XNamespace.Xmlns + "dev", DevNs.NamespaceName),
    ];
}
