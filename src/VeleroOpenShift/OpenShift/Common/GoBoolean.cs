namespace VeleroOpenShift.OpenShift.Common;

/// <summary>Go's strconv.ParseBool, which the original uses for annotations and environment variables.</summary>
internal static class GoBoolean
{
    /// <summary>True only for <c>1</c>, <c>t</c>, <c>T</c>, <c>TRUE</c>, <c>true</c>, <c>True</c>; anything else (also unparsable) is false.</summary>
    public static bool IsTrue(string? value) => value is "1" or "t" or "T" or "TRUE" or "true" or "True";
}
