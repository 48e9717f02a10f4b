using System.Globalization;
using System.Text.RegularExpressions;
using VeleroOpenShift.Errors;

namespace VeleroOpenShift.OpenShift.Cluster;

/// <summary>The Kubernetes server version as the actions record it: <c>major.minor</c>, e.g. <c>1.29</c>.</summary>
public sealed partial record ServerVersion(int Major, int Minor)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}");

    /// <summary>Reads <c>major.minor</c> as people write it (<c>1.29</c>).</summary>
    public static ServerVersion FromMajorMinor(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('.');
        return Parse(parts[0], parts.Length > 1 ? parts[1] : null, null);
    }

    /// <summary>
    /// Reads the fields of <c>/version</c>: <c>major</c> and <c>minor</c> (a <c>+</c> trimmed from both ends of
    /// minor only), falling back to <c>gitVersion</c> when either is not an integer.
    /// </summary>
    public static ServerVersion Parse(string? major, string? minor, string? gitVersion)
    {
        if (TryInt(major, out var parsedMajor) && TryInt(minor?.Trim('+'), out var parsedMinor))
        {
            return new ServerVersion(parsedMajor, parsedMinor);
        }

        var text = gitVersion ?? string.Empty;
        if (!GitVersionPattern().IsMatch(text))
        {
            throw new ClusterLookupException(FailureKind.RemoteFailure, "/version", "gitVersion does not match expected format");
        }

        // The text between the first and the second 'v', as the original takes it.
        var pieces = text.Split('v');
        var parts = pieces[1].Split('.');
        if (parts.Length < 2 || !TryInt(parts[0], out parsedMajor) || !TryInt(parts[1], out parsedMinor))
        {
            throw new ClusterLookupException(FailureKind.RemoteFailure, "/version", $"gitVersion '{text}' does not start with a numeric major.minor");
        }

        return new ServerVersion(parsedMajor, parsedMinor);
    }

    private static bool TryInt(string? text, out int value) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    [GeneratedRegex(@"v[0-9]+\.[0-9]+\.", RegexOptions.CultureInvariant)]
    private static partial Regex GitVersionPattern();
}
