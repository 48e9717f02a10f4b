using System.Text;
using VeleroOpenShift.Errors;

namespace VeleroOpenShift.OpenStack.Swift;

/// <summary>Container and object name rules and their encoding as single URL path segments (spec §4.2).</summary>
internal static class SwiftNames
{
    public static void ValidateContainer(string container)
    {
        if (string.IsNullOrEmpty(container))
        {
            throw new InvalidInputException("container", "a container name must not be empty");
        }

        if (container.Contains('/', StringComparison.Ordinal))
        {
            throw new InvalidInputException(container, $"invalid name \"{container}\": a container name cannot contain a slash (/) character");
        }
    }

    public static void ValidateObject(string objectName)
    {
        if (string.IsNullOrEmpty(objectName))
        {
            throw new InvalidInputException("object", "an object name must not be empty");
        }
    }

    /// <summary>Every byte but <c>A–Z a–z 0–9 - _ . ~ $ &amp; + : = @</c> as uppercase <c>%XX</c>; so <c>/</c> becomes <c>%2F</c>.</summary>
    public static string EncodeSegment(string name)
    {
        var builder = new StringBuilder(name.Length * 3 / 2);
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~' or (byte)'$' or (byte)'&' or (byte)'+' or (byte)':' or (byte)'=' or (byte)'@')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>Query value encoding (form style, as Go's url.Values.Encode): space as <c>+</c>, reserved bytes as <c>%XX</c>.</summary>
    public static string EncodeQueryValue(string value) => Uri.EscapeDataString(value).Replace("%20", "+", StringComparison.Ordinal);
}
