namespace VeleroOpenShift.OpenStack.Cinder;

/// <summary>Empty request fields become null, so that they stay out of the JSON as the reference's omitempty leaves them out.</summary>
internal static class OmitEmpty
{
    public static string? Text(string? text) => string.IsNullOrEmpty(text) ? null : text;

    public static IReadOnlyDictionary<string, string>? Map(IReadOnlyDictionary<string, string>? map) => map is { Count: > 0 } ? map : null;
}
