using System.Text.Json.Nodes;
using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenStack.Cinder;

namespace VeleroOpenShift.Tests.OpenStack.Cinder;

public sealed class CinderPersistentVolumeTests
{
    private static JsonObject Pv(string spec) => JsonNode.Parse($$"""{"apiVersion":"v1","kind":"PersistentVolume","metadata":{"name":"pvc-1"},"spec":{{spec}}}""")!.AsObject();

    private static string? Get(JsonObject pv) => CinderPersistentVolume.GetVolumeId(pv, out _);

    [Fact]
    public void In_tree_cinder_volumes_give_spec_cinder_volumeID()
    {
        Assert.Equal("v-1", Get(Pv("""{"cinder":{"volumeID":"v-1","fsType":"ext4"}}""")));
    }

    [Theory]
    [InlineData("cinder.csi.openstack.org")]
    [InlineData("disk.csi.everest.io")]
    public void Supported_csi_drivers_give_the_volume_handle(string driver)
    {
        Assert.Equal("v-2", Get(Pv($$$$"""{"csi":{"driver":"{{{{driver}}}}","volumeHandle":"v-2"}}""")));
    }

    [Fact]
    public void Other_volumes_are_not_this_snapshotters()
    {
        Assert.Null(Get(Pv("""{"nfs":{"server":"n","path":"/"}}""")));
        Assert.Null(CinderPersistentVolume.GetVolumeId(Pv("""{"csi":{"driver":"ebs.csi.aws.com","volumeHandle":"vol-1"}}"""), out var driver));
        Assert.Equal("ebs.csi.aws.com", driver);
    }

    [Fact]
    public void A_cinder_section_without_its_id_is_an_error_naming_the_pv_and_field()
    {
        var failure = Assert.Throws<InvalidItemException>(() => Get(Pv("""{"cinder":{"fsType":"ext4"}}""")));

        Assert.Equal("PersistentVolume/pvc-1: field spec.cinder.volumeID: the field is missing or empty", failure.Message);
        Assert.Throws<InvalidItemException>(() => Get(Pv("""{"csi":{"driver":"cinder.csi.openstack.org"}}""")));
    }

    [Fact]
    public void Set_changes_only_the_id_field()
    {
        var inTree = Pv("""{"cinder":{"volumeID":"old","fsType":"ext4"},"capacity":{"storage":"1Gi"}}""");
        var csi = Pv("""{"csi":{"driver":"cinder.csi.openstack.org","volumeHandle":"old","volumeAttributes":{"a":"b"}}}""");

        Assert.Equal("""{"apiVersion":"v1","kind":"PersistentVolume","metadata":{"name":"pvc-1"},"spec":{"cinder":{"volumeID":"new","fsType":"ext4"},"capacity":{"storage":"1Gi"}}}""",
            CinderPersistentVolume.SetVolumeId(inTree, "new").ToJsonString());
        Assert.Equal("""{"apiVersion":"v1","kind":"PersistentVolume","metadata":{"name":"pvc-1"},"spec":{"csi":{"driver":"cinder.csi.openstack.org","volumeHandle":"new","volumeAttributes":{"a":"b"}}}}""",
            CinderPersistentVolume.SetVolumeId(csi, "new").ToJsonString());
    }

    [Theory]
    [InlineData("""{"csi":{"driver":"ebs.csi.aws.com","volumeHandle":"x"}}""")]
    [InlineData("""{"nfs":{"server":"n","path":"/"}}""")]
    [InlineData("null")]
    public void Set_on_a_pv_that_is_not_cinder_fails_naming_the_pv(string spec)
    {
        var failure = Assert.Throws<InvalidItemException>(() => CinderPersistentVolume.SetVolumeId(Pv(spec), "new"));

        Assert.Equal("PersistentVolume/pvc-1: field spec.cinder.volumeID: persistent volume is missing 'spec.cinder.volumeID' or PV driver ('spec.csi.driver') doesn't match supported drivers ([cinder.csi.openstack.org disk.csi.everest.io])", failure.Message);
    }

    [Fact]
    public void A_section_of_the_wrong_shape_is_an_error_not_a_crash()
    {
        var failure = Assert.Throws<InvalidItemException>(() => Get(Pv("""{"cinder":"v-1"}""")));

        Assert.Equal("spec.cinder", failure.Field);
    }
}
