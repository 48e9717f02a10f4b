using System.Globalization;
using System.Text.RegularExpressions;
using VeleroOpenShift.Errors;

namespace VeleroOpenShift.OpenStack.Volumes;

/// <summary>An OpenStack API microversion "major.minor" and the reference's comparisons (spec §8.6).</summary>
public readonly partial record struct Microversion(int Major, int Minor)
{
    public static Microversion Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // The reference's pattern lets any character stand for the dot.
        var match = Pattern().Match(text);
        if (!match.Success
            || !int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(match.Groups[2].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            throw new OpenStackException(FailureKind.InvalidData, text, $"invalid microversion string: {text}");
        }

        return new Microversion(major, minor);
    }

    /// <summary>The reference's lte(want, have): a lower major wins outright, otherwise both parts must be ≤.</summary>
    public bool IsAtMost(Microversion have) => Major < have.Major || (Major <= have.Major && Minor <= have.Minor);

    /// <summary>The reference's gte(want, have): a higher major wins outright, otherwise both parts must be ≥.</summary>
    public bool IsAtLeast(Microversion have) => Major > have.Major || (Major >= have.Major && Minor >= have.Minor);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}");

    [GeneratedRegex(@"^(\d+).(\d+)$")]
    private static partial Regex Pattern();
}
