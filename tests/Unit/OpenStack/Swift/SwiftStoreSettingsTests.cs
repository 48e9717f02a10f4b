using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenStack.Swift;

namespace VeleroOpenShift.Tests.OpenStack.Swift;

public sealed class SwiftStoreSettingsTests
{
    private static SwiftStoreSettings From(Dictionary<string, string> config, params (string, string)[] environment) =>
        SwiftStoreSettings.From(config, TestEnvironment.Of(environment));

    [Fact]
    public void Region_comes_from_OS_SWIFT_REGION_NAME_then_OS_REGION_NAME_even_empty_then_the_location()
    {
        var location = new Dictionary<string, string> { ["region"] = "loc" };

        Assert.Equal("swift", From(location, ("OS_SWIFT_REGION_NAME", "swift"), ("OS_REGION_NAME", "all")).Region);
        Assert.Equal("", From(location, ("OS_SWIFT_REGION_NAME", ""), ("OS_REGION_NAME", "all")).Region);
        Assert.Equal("", From(location, ("OS_REGION_NAME", "")).Region);
        Assert.Equal("loc", From(location).Region);
        Assert.Equal("", From([]).Region);
    }

    [Fact]
    public void Defaults_keep_the_reference_behaviour_below_one_gibibyte()
    {
        var settings = From([]);

        Assert.Equal(("public", 1L << 30, "bucket_segments"), (settings.EndpointInterface, settings.SegmentSize, settings.SegmentContainerFor("bucket")));
        Assert.Equal(["AUTH_"], settings.ResellerPrefixes);
    }

    [Fact]
    public void Reads_this_modules_keys_and_refuses_bad_values()
    {
        var settings = From(new() { ["segmentSize"] = "1048576", ["segmentContainer"] = "segs", ["stallTimeout"] = "1500ms", ["maxAttempts"] = "2", ["interface"] = "internal" });

        Assert.Equal((1048576L, "segs", 1.5, 2, "internal"), (settings.SegmentSize, settings.SegmentContainerFor("b"), settings.Retry.StallTimeout.TotalSeconds, settings.Retry.MaxAttempts, settings.EndpointInterface));
        Assert.Throws<InvalidConfigurationException>(() => From(new() { ["segmentSize"] = "1GiB" }));
        Assert.Throws<InvalidConfigurationException>(() => From(new() { ["stallTimeout"] = "30" }));
    }
}
