using VeleroOpenShift.OpenStack.Volumes;

namespace VeleroOpenShift.Tests.OpenStack.Volumes;

public sealed class MetadataTests
{
    // The reference's TestMerge (spec §10).
    [Fact]
    public void Later_maps_win_key_by_key_and_null_maps_are_skipped()
    {
        var merged = Metadata.Merge(new Dictionary<string, string> { ["a"] = "b", ["c"] = "d" }, null, new Dictionary<string, string> { ["a"] = "c" }, new Dictionary<string, string> { ["b"] = "c" });
        Assert.Equal(new Dictionary<string, string> { ["a"] = "c", ["b"] = "c", ["c"] = "d" }, merged);
    }
}
