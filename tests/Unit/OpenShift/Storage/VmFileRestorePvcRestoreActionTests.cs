using VeleroOpenShift.OpenShift.Storage;

namespace VeleroOpenShift.Tests.OpenShift.Storage;

/// <summary>The VM file-restore PVC renaming of spec §14.3 (a fixed suffix stands in for the random one).</summary>
public sealed class VmFileRestorePvcRestoreActionTests
{
    private static readonly System.Text.Json.Nodes.JsonObject VmfrRestore = Json.O("{'metadata':{'annotations':{'oadp.openshift.io/vmfr-restore':'true'}},'spec':{'backupName':'nightly'}}");

    [Fact]
    public async Task RenamesAndRecordsBothNames()
    {
        var pvc = Json.O("{'apiVersion':'v1','kind':'PersistentVolumeClaim','metadata':{'name':'rootdisk','namespace':'vms','annotations':{'a':'b'}},'spec':{'x':1}}");
        var result = await new VmFileRestorePvcRestoreAction(() => "abcde").ExecuteAsync(pvc, pvc, FixtureRunner.Restore(VmfrRestore), CancellationToken.None);
        Json.Equal(
            Json.O("{'apiVersion':'v1','kind':'PersistentVolumeClaim','metadata':{'name':'nightly-rootdisk-abcde','namespace':'vms','annotations':{'a':'b','oadp.openshift.io/vmfr-backup':'nightly','oadp.openshift.io/vmfr-original-name':'rootdisk'}},'spec':{'x':1}}"),
            result.Item);
    }

    [Fact]
    public async Task KeepsNamesWithinSixtyThreeCharacters()
    {
        var pvc = Json.O($"{{'apiVersion':'v1','kind':'PersistentVolumeClaim','metadata':{{'name':'{new string('d', 50)}','namespace':'vms'}}}}");
        var restore = FixtureRunner.Restore(Json.O("{'metadata':{'annotations':{'oadp.openshift.io/vmfr-restore':'true'}},'spec':{'backupName':'a-very-long-backup-name'}}"));
        var result = await new VmFileRestorePvcRestoreAction(() => "zzzzz").ExecuteAsync(pvc, pvc, restore, CancellationToken.None);
        var name = result.Item["metadata"]!["name"]!.GetValue<string>();
        Assert.Equal(63, name.Length);
        Assert.StartsWith("a-very-long-backup-name-ddd", name, StringComparison.Ordinal);
        Assert.EndsWith("-zzzzz", name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DoesNothingWithoutTheVmFileRestoreAnnotation()
    {
        var pvc = Json.O("{'apiVersion':'v1','kind':'PersistentVolumeClaim','metadata':{'name':'rootdisk','namespace':'vms'}}");
        var result = await new VmFileRestorePvcRestoreAction(() => "abcde").ExecuteAsync(pvc, pvc, FixtureRunner.Restore(null), CancellationToken.None);
        Assert.Equal("rootdisk", result.Item["metadata"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheDefaultSuffixUsesKubernetesAlphabet()
    {
        var pvc = Json.O("{'apiVersion':'v1','kind':'PersistentVolumeClaim','metadata':{'name':'d','namespace':'vms'}}");
        var result = await new VmFileRestorePvcRestoreAction().ExecuteAsync(pvc, pvc, FixtureRunner.Restore(VmfrRestore), CancellationToken.None);
        Assert.Matches("^nightly-d-[bcdfghjklmnpqrstvwxz2456789]{5}$", result.Item["metadata"]!["name"]!.GetValue<string>());
    }
}
