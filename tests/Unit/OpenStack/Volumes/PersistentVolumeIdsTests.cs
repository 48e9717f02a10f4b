using System.Text.Json.Nodes;
using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenStack.Volumes;

namespace VeleroOpenShift.Tests.OpenStack.Volumes;

public sealed class PersistentVolumeIdsTests
{
    private const string Manila = PersistentVolumeIds.DefaultManilaDriver;

    [Fact]
    public void Cinder_is_read_before_manila_and_other_drivers_are_nobodys()
    {
        Assert.Equal(new PersistentVolumeId(PersistentVolumeIds.CinderPlugin, "v1"), PersistentVolumeIds.Find(Pv("""{"cinder":{"volumeID":"v1"}}"""), Manila));
        Assert.Equal(new PersistentVolumeId(PersistentVolumeIds.ManilaPlugin, "s1"), PersistentVolumeIds.Find(Pv("""{"csi":{"driver":"nfs.manila.csi.openstack.org","volumeHandle":"s1"}}"""), Manila));
        Assert.Null(PersistentVolumeIds.Find(Pv("""{"csi":{"driver":"ebs.csi.aws.com","volumeHandle":"x"}}"""), Manila));
        Assert.Null(PersistentVolumeIds.Find(Pv("""{"hostPath":{"path":"/d"}}"""), Manila));
    }

    [Fact]
    public void A_manila_pv_without_its_handle_is_an_error_naming_the_field()
    {
        var failure = Assert.Throws<InvalidItemException>(() => PersistentVolumeIds.Find(Pv("""{"csi":{"driver":"nfs.manila.csi.openstack.org"}}"""), Manila));
        Assert.Contains("spec.csi.volumeHandle", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Setting_returns_a_changed_copy_and_leaves_the_input_alone()
    {
        var cinder = Pv("""{"csi":{"driver":"cinder.csi.openstack.org","volumeHandle":"old"}}""");
        var updated = PersistentVolumeIds.Set(cinder, "new", Manila, null);
        Assert.Equal("new", (string?)updated["spec"]!["csi"]!["volumeHandle"]);
        Assert.Equal("old", (string?)cinder["spec"]!["csi"]!["volumeHandle"]);

        var share = PersistentVolumeIds.Set(Pv("""{"csi":{"driver":"nfs.manila.csi.openstack.org","volumeHandle":"old"}}"""), "s2", Manila, "rule-2");
        Assert.Equal("s2", (string?)share["spec"]!["csi"]!["volumeAttributes"]!["shareID"]);
        Assert.Equal("rule-2", (string?)share["spec"]!["csi"]!["volumeAttributes"]!["shareAccessID"]);
    }

    [Fact]
    public void A_pv_of_another_csi_driver_cannot_be_set()
    {
        var failure = Assert.Throws<InvalidItemException>(() => PersistentVolumeIds.Set(Pv("""{"csi":{"driver":"ebs.csi.aws.com","volumeHandle":"x"}}"""), "v", Manila, null));
        Assert.Contains("spec.csi.driver", failure.Message, StringComparison.Ordinal);
    }

    private static JsonObject Pv(string spec) =>
        JsonNode.Parse($$"""{"apiVersion":"v1","kind":"PersistentVolume","metadata":{"name":"pv-1"},"spec":{{spec}}}""")!.AsObject();
}
