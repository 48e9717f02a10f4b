using VeleroOpenShift.OpenShift.Common;

namespace VeleroOpenShift.Tests.OpenShift.Common;

public sealed class SmallHelpersTests
{
    [Fact]
    public void LabelSafeValueKeepsShortNames() => Assert.Equal(new string('a', 63), LabelSafeValue.FromName(new string('a', 63)));

    [Fact]
    public void LabelSafeValueHashesLongNames()
    {
        // SHA-256 of 64 'r' characters begins c9ea6f (computed independently).
        var value = LabelSafeValue.FromName(new string('r', 64));
        Assert.Equal(new string('r', 57) + "c9ea6f", value);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("t", true)]
    [InlineData("T", true)]
    [InlineData("TRUE", true)]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("yes", false)]
    [InlineData("tRUE", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void GoBooleanAcceptsGosSpellings(string? value, bool expected) => Assert.Equal(expected, GoBoolean.IsTrue(value));
}
