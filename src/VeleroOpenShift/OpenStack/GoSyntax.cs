using System.Globalization;

namespace VeleroOpenShift.OpenStack;

/// <summary>The Go spellings the reference plugin accepts for booleans and durations (spec §8.2, §8.3).</summary>
internal static class GoSyntax
{
    public static bool TryParseBool(string text, out bool value)
    {
        switch (text)
        {
            case "1" or "t" or "T" or "TRUE" or "true" or "True":
                value = true;
                return true;
            case "0" or "f" or "F" or "FALSE" or "false" or "False":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    /// <summary>Go's time.ParseDuration: signed sequence of decimal numbers with units; "0" alone allowed.</summary>
    public static bool TryParseDuration(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        var rest = text.AsSpan();
        var negative = rest.StartsWith("-");
        if (negative || rest.StartsWith("+"))
        {
            rest = rest[1..];
        }

        if (rest is "0")
        {
            return true;
        }

        if (rest.IsEmpty)
        {
            return false;
        }

        double nanoseconds = 0;
        while (!rest.IsEmpty)
        {
            var numberLength = 0;
            while (numberLength < rest.Length && (char.IsAsciiDigit(rest[numberLength]) || rest[numberLength] == '.'))
            {
                numberLength++;
            }

            var unitLength = 0;
            while (numberLength + unitLength < rest.Length && !char.IsAsciiDigit(rest[numberLength + unitLength]) && rest[numberLength + unitLength] != '.')
            {
                unitLength++;
            }

            if (numberLength == 0 || unitLength == 0
                || !double.TryParse(rest[..numberLength], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                || UnitNanoseconds(rest.Slice(numberLength, unitLength)) is not { } unit)
            {
                return false;
            }

            nanoseconds += number * unit;
            rest = rest[(numberLength + unitLength)..];
        }

        value = TimeSpan.FromTicks((long)Math.Round((negative ? -nanoseconds : nanoseconds) / 100));
        return true;
    }

    private static double? UnitNanoseconds(ReadOnlySpan<char> unit) => unit switch
    {
        "ns" => 1,
        "us" or "µs" or "μs" => 1e3,
        "ms" => 1e6,
        "s" => 1e9,
        "m" => 60e9,
        "h" => 3600e9,
        _ => null,
    };

    /// <summary>Go's time.Duration.String: "5m0s", "1h0m0s", "1.5s", "250ms", "0s".</summary>
    public static string FormatDuration(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0s";
        }

        var sign = value < TimeSpan.Zero ? "-" : "";
        var ticks = Math.Abs(value.Ticks);
        if (ticks < TimeSpan.TicksPerSecond)
        {
            var nanoseconds = ticks * 100;
            return sign + (nanoseconds < 1_000_000
                ? Trim(nanoseconds / 1e3) + "µs"
                : Trim(nanoseconds / 1e6) + "ms");
        }

        var hours = ticks / TimeSpan.TicksPerHour;
        var minutes = ticks % TimeSpan.TicksPerHour / TimeSpan.TicksPerMinute;
        var seconds = Trim(ticks % TimeSpan.TicksPerMinute / (double)TimeSpan.TicksPerSecond) + "s";
        return sign + (hours > 0 ? $"{hours}h{minutes}m{seconds}" : minutes > 0 ? $"{minutes}m{seconds}" : seconds);
    }

    private static string Trim(double number) => number.ToString("0.#########", CultureInfo.InvariantCulture);
}
