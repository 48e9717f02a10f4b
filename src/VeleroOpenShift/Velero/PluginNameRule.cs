using System.Text.RegularExpressions;

namespace VeleroOpenShift.Velero;

/// <summary>
/// Velero's rule for plugin names: exactly two non-empty parts separated by '/', the first a DNS-1123
/// subdomain of at most 253 characters. A name that breaks it stops the Velero server at discovery.
/// </summary>
public static partial class PluginNameRule
{
    public static bool IsValid(string name, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(name);
        var parts = name.Split('/');
        problem = parts switch
        {
            { Length: not 2 } => "must have exactly one '/' separating a DNS subdomain prefix from the name",
            [var prefix, _] when prefix.Length == 0 => "has an empty prefix before '/'",
            [_, var rest] when rest.Length == 0 => "has an empty name after '/'",
            [var prefix, _] when prefix.Length > 253 => "has a prefix longer than 253 characters",
            [var prefix, _] when !DnsSubdomain().IsMatch(prefix) => $"has a prefix '{prefix}' that is not a lowercase DNS-1123 subdomain",
            _ => null,
        };
        return problem is null;
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex DnsSubdomain();
}
