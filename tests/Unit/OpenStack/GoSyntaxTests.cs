using VeleroOpenShift.OpenStack;

namespace VeleroOpenShift.Tests.OpenStack;

public sealed class GoSyntaxTests
{
    [Theory]
    [InlineData("5m", 300)]
    [InlineData("1h", 3600)]
    [InlineData("10s", 10)]
    [InlineData("1500ms", 1.5)]
    [InlineData("1h30m", 5400)]
    [InlineData("0", 0)]
    [InlineData("-2s", -2)]
    public void Parses_go_durations(string text, double seconds)
    {
        Assert.True(GoSyntax.TryParseDuration(text, out var value));
        Assert.Equal(seconds, value.TotalSeconds, 6);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("")]
    [InlineData("5d")]
    [InlineData("m")]
    public void Refuses_what_go_refuses(string text) => Assert.False(GoSyntax.TryParseDuration(text, out _));

    [Theory]
    [InlineData("5m", "5m0s")]
    [InlineData("1h", "1h0m0s")]
    [InlineData("8h", "8h0m0s")]
    [InlineData("10s", "10s")]
    [InlineData("1500ms", "1.5s")]
    [InlineData("250ms", "250ms")]
    [InlineData("90s", "1m30s")]
    [InlineData("0", "0s")]
    [InlineData("-2s", "-2s")]
    public void Formats_as_go_prints_durations(string text, string printed)
    {
        Assert.True(GoSyntax.TryParseDuration(text, out var value));
        Assert.Equal(printed, GoSyntax.FormatDuration(value));
    }

    [Theory]
    [InlineData("T", true)]
    [InlineData("True", true)]
    [InlineData("0", false)]
    [InlineData("FALSE", false)]
    public void Parses_go_booleans(string text, bool expected)
    {
        Assert.True(GoSyntax.TryParseBool(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("tRUE")]
    [InlineData("")]
    public void Refuses_other_booleans(string text) => Assert.False(GoSyntax.TryParseBool(text, out _));
}
