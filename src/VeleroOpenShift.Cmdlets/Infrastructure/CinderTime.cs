using System.Globalization;

namespace VeleroOpenShift.Cmdlets.Infrastructure;

/// <summary>Cinder writes UTC without a zone and with microseconds: 2026-11-23T06:06:35.060766.</summary>
internal static class CinderTime
{
    public static DateTimeOffset? Parse(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value) ? value : null;
}
