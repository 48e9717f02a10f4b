using VeleroOpenShift.OpenStack;
using VeleroOpenShift.OpenStack.Volumes;

namespace VeleroOpenShift.Tests.OpenStack.Volumes;

public sealed class MicroversionTests
{
    // The reference's TestCompareMicroversions table (spec §10).
    [Theory]
    [InlineData("2.7", "lte", "2.50", true)]
    [InlineData("1.7", "lte", "2.50", true)]
    [InlineData("3.7", "lte", "2.50", false)]
    [InlineData("2.50", "lte", "2.50", true)]
    [InlineData("2.7", "gte", "2.50", false)]
    [InlineData("1.50", "gte", "2.50", false)]
    [InlineData("2.50", "gte", "2.50", true)]
    public void Compares_as_the_reference_does(string want, string op, string have, bool expected)
    {
        var (w, h) = (Microversion.Parse(want), Microversion.Parse(have));
        Assert.Equal(expected, op == "lte" ? w.IsAtMost(h) : w.IsAtLeast(h));
    }

    [Fact]
    public void Any_character_separates_major_and_minor_as_in_the_reference_pattern()
    {
        Assert.Equal(new Microversion(3, 47), Microversion.Parse("3x47"));
        Assert.Equal("3.47", Microversion.Parse("3.47").ToString());
    }

    [Theory]
    [InlineData("3")]
    [InlineData("v3.0")]
    [InlineData("3.47.1")]
    [InlineData("")]
    public void Rejects_what_is_not_major_dot_minor(string text)
    {
        var failure = Assert.Throws<OpenStackException>(() => Microversion.Parse(text));
        Assert.Equal($"invalid microversion string: {text}", failure.Message);
    }
}
