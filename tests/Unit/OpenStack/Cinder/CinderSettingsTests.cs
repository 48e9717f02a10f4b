using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenStack;
using VeleroOpenShift.OpenStack.Cinder;

namespace VeleroOpenShift.Tests.OpenStack.Cinder;

public sealed class CinderSettingsTests
{
    private static CinderSettings Parse(Dictionary<string, string> config, params (string, string)[] environment) =>
        CinderSettings.From(config, TestEnvironment.Of(environment));

    [Fact]
    public void Defaults_are_the_reference_defaults()
    {
        var settings = Parse([]);

        Assert.Equal(CinderMethod.Snapshot, settings.Method);
        Assert.Equal("", settings.Region);
        Assert.All([settings.VolumeTimeout, settings.SnapshotTimeout, settings.CloneTimeout, settings.BackupTimeout, settings.ImageTimeout], t => Assert.Equal(TimeSpan.FromMinutes(5), t));
        Assert.Equal(TimeSpan.FromSeconds(10), settings.EnsureDeletedDelay);
        Assert.False(settings.EnsureDeleted);
        Assert.False(settings.CascadeDelete);
        Assert.False(settings.BackupIncremental);
        Assert.Equal("", settings.ContainerName);
    }

    [Fact]
    public void Every_key_is_read()
    {
        var settings = Parse(new()
        {
            ["region"] = "RegionTwo", ["method"] = "backup", ["volumeTimeout"] = "30m", ["snapshotTimeout"] = "1h", ["cloneTimeout"] = "8h",
            ["backupTimeout"] = "10s", ["imageTimeout"] = "1500ms", ["ensureDeleted"] = "true", ["ensureDeletedDelay"] = "1m",
            ["cascadeDelete"] = "T", ["backupIncremental"] = "1", ["containerName"] = "ceph-pool",
        });

        Assert.Equal(new CinderSettings("RegionTwo", CinderMethod.Backup, TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(8),
            TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2), true, TimeSpan.FromMinutes(1), true, true, "ceph-pool"), settings);
    }

    [Theory]
    [InlineData("snapshot", CinderMethod.Snapshot)]
    [InlineData("clone", CinderMethod.Clone)]
    [InlineData("backup", CinderMethod.Backup)]
    [InlineData("image", CinderMethod.Image)]
    public void Each_method_name_is_accepted(string name, CinderMethod method)
    {
        Assert.Equal(method, Parse(new() { ["method"] = name }).Method);
        Assert.Equal(name, CinderSettings.ConfigName(method));
    }

    [Fact]
    public void Empty_values_count_as_absent()
    {
        var settings = Parse(new() { ["method"] = "", ["volumeTimeout"] = "", ["ensureDeleted"] = "", ["containerName"] = "" });

        Assert.Equal(Parse([]), settings);
    }

    [Fact]
    public void OS_REGION_NAME_wins_over_the_location_region_even_when_empty()
    {
        Assert.Equal("RegionOne", Parse(new() { ["region"] = "RegionTwo" }, ("OS_REGION_NAME", "RegionOne")).Region);
        Assert.Equal("", Parse(new() { ["region"] = "RegionTwo" }, ("OS_REGION_NAME", "")).Region);
        Assert.Equal("RegionTwo", Parse(new() { ["region"] = "RegionTwo" }).Region);
    }

    [Theory]
    [InlineData("method", "Snapshot", "unsupported \"Snapshot\" snapshot method, supported methods: [\"snapshot\" \"clone\" \"backup\" \"image\"]")]
    [InlineData("volumeTimeout", "5", "cannot parse time from volumeTimeout config variable: time: invalid duration \"5\"")]
    [InlineData("snapshotTimeout", "soon", "cannot parse time from snapshotTimeout config variable: time: invalid duration \"soon\"")]
    [InlineData("cloneTimeout", "5x", "cannot parse time from cloneTimeout config variable: time: invalid duration \"5x\"")]
    [InlineData("backupTimeout", "m", "cannot parse time from backupTimeout config variable: time: invalid duration \"m\"")]
    [InlineData("imageTimeout", "1d", "cannot parse time from imageTimeout config variable: time: invalid duration \"1d\"")]
    [InlineData("ensureDeletedDelay", "ten", "cannot parse time from ensureDeletedDelay config variable: time: invalid duration \"ten\"")]
    [InlineData("ensureDeleted", "yes", "cannot parse ensureDeleted config variable: strconv.ParseBool: parsing \"yes\": invalid syntax")]
    [InlineData("cascadeDelete", "on", "cannot parse cascadeDelete config variable: strconv.ParseBool: parsing \"on\": invalid syntax")]
    [InlineData("backupIncremental", "TRUE!", "cannot parse backupIncremental config variable: strconv.ParseBool: parsing \"TRUE!\": invalid syntax")]
    public void Unusable_values_fail_with_the_reference_text_naming_the_key(string key, string value, string message)
    {
        var failure = Assert.Throws<OpenStackException>(() => Parse(new() { [key] = value }));

        Assert.Equal(message, failure.Message);
        Assert.Equal(key, failure.Target);
        Assert.Equal(FailureKind.InvalidConfiguration, failure.Kind);
    }
}
