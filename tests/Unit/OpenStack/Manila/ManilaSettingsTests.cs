using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenStack;
using VeleroOpenShift.OpenStack.Manila;

namespace VeleroOpenShift.Tests.OpenStack.Manila;

public sealed class ManilaSettingsTests
{
    [Fact]
    public void Defaults_are_the_references()
    {
        var settings = ManilaSettings.From(new Dictionary<string, string>(), TestEnvironment.Of());

        Assert.Equal(
            new ManilaSettings("", "nfs.manila.csi.openstack.org", ManilaMethod.Snapshot, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5), false, TimeSpan.FromSeconds(10), false, false),
            settings);
    }

    [Fact]
    public void Every_key_is_read()
    {
        var settings = ManilaSettings.From(
            new Dictionary<string, string>
            {
                ["region"] = "RegionTwo", ["driver"] = "cephfs.manila.csi.openstack.org", ["method"] = "clone", ["shareTimeout"] = "1m", ["snapshotTimeout"] = "30m",
                ["cloneTimeout"] = "1h", ["replicaTimeout"] = "8h", ["ensureDeleted"] = "true", ["ensureDeletedDelay"] = "1500ms", ["cascadeDelete"] = "T", ["enforceAZ"] = "1",
            },
            TestEnvironment.Of());

        Assert.Equal(
            new ManilaSettings("RegionTwo", "cephfs.manila.csi.openstack.org", ManilaMethod.Clone, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(8), true, TimeSpan.FromSeconds(2), true, true),
            settings);
    }

    [Fact]
    public void Empty_values_count_as_absent()
    {
        var settings = ManilaSettings.From(new Dictionary<string, string> { ["method"] = "", ["shareTimeout"] = "", ["enforceAZ"] = "", ["driver"] = "" }, TestEnvironment.Of());

        Assert.Equal((ManilaMethod.Snapshot, TimeSpan.FromMinutes(5), false, "nfs.manila.csi.openstack.org"), (settings.Method, settings.ShareTimeout, settings.EnforceAz, settings.Driver));
    }

    [Theory]
    [InlineData(null, "RegionTwo", "RegionTwo")]
    [InlineData("RegionOne", "RegionTwo", "RegionOne")]
    [InlineData("", "RegionTwo", "")]
    public void OS_REGION_NAME_wins_over_the_location_even_when_empty(string? environment, string location, string expected)
    {
        var variables = environment is null ? TestEnvironment.Of() : TestEnvironment.Of(("OS_REGION_NAME", environment));

        Assert.Equal(expected, ManilaSettings.From(new Dictionary<string, string> { ["region"] = location }, variables).Region);
    }

    [Theory]
    [InlineData("method", "backup", "unsupported \"backup\" snapshot method, supported methods: [\"snapshot\" \"clone\"]")]
    [InlineData("shareTimeout", "5", "cannot parse time from shareTimeout config variable: time: invalid duration \"5\"")]
    [InlineData("snapshotTimeout", "soon", "cannot parse time from snapshotTimeout config variable: time: invalid duration \"soon\"")]
    [InlineData("cloneTimeout", "1x", "cannot parse time from cloneTimeout config variable: time: invalid duration \"1x\"")]
    [InlineData("replicaTimeout", "m", "cannot parse time from replicaTimeout config variable: time: invalid duration \"m\"")]
    [InlineData("ensureDeletedDelay", "10", "cannot parse time from ensureDeletedDelay config variable: time: invalid duration \"10\"")]
    [InlineData("ensureDeleted", "yes", "cannot parse ensureDeleted config variable: strconv.ParseBool: parsing \"yes\": invalid syntax")]
    [InlineData("cascadeDelete", "on", "cannot parse cascadeDelete config variable: strconv.ParseBool: parsing \"on\": invalid syntax")]
    [InlineData("enforceAZ", "TRUE!", "cannot parse enforceAZ config variable: strconv.ParseBool: parsing \"TRUE!\": invalid syntax")]
    public void Bad_values_fail_with_the_references_text_naming_the_key(string key, string value, string message)
    {
        var error = Assert.Throws<OpenStackException>(() => ManilaSettings.From(new Dictionary<string, string> { [key] = value }, TestEnvironment.Of()));

        Assert.Equal((message, FailureKind.InvalidConfiguration, key), (error.Message, error.Kind, error.Target));
    }
}
