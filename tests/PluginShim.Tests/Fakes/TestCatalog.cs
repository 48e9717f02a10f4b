using VeleroOpenShift.Velero;

namespace VeleroOpenShift.PluginShim.Tests.Fakes;

/// <summary>A catalogue with one fake of every kind, plus actions that fail on purpose.</summary>
internal static class TestCatalog
{
    public const string RestoreAction = "test.io/restore";
    public const string RestoreActionV2 = "test.io/restore-v2";
    public const string BackupAction = "test.io/backup";
    public const string BackupActionV2 = "test.io/backup-v2";
    public const string DeleteAction = "test.io/delete";
    public const string ItemBlockAction = "test.io/item-block";
    public const string ObjectStore = "test.io/store";
    public const string VolumeSnapshotter = "test.io/snapshotter";
    public const string FailingRestoreAction = "test.io/failing";
    public const string CrashingRestoreAction = "test.io/crashing";

    public static ResourceSelector Pods { get; } = ResourceSelector.ForResources("pods") with { ExcludedNamespaces = ["kube-system"], LabelSelector = "app=web" };

    public static PluginCatalog Create(FakeObjectStore? store = null)
    {
        store ??= new FakeObjectStore();
        return new PluginCatalog(
        [
            PluginRegistration.BackupItemAction(BackupAction, PluginFamily.OpenShift, Pods, "test", _ => new FakeBackupAction()),
            PluginRegistration.BackupItemActionV2(BackupActionV2, PluginFamily.OpenShift, Pods, "test", _ => new FakeBackupActionV2()),
            PluginRegistration.RestoreItemAction(RestoreAction, PluginFamily.OpenShift, Pods, "test", _ => new FakeRestoreAction()),
            PluginRegistration.RestoreItemActionV2(RestoreActionV2, PluginFamily.OpenShift, Pods, "test", _ => new FakeRestoreActionV2()),
            PluginRegistration.DeleteItemAction(DeleteAction, PluginFamily.OpenShift, Pods, "test", _ => new FakeDeleteAction()),
            PluginRegistration.ItemBlockAction(ItemBlockAction, PluginFamily.OpenShift, Pods, "test", _ => new FakeItemBlockAction()),
            PluginRegistration.ObjectStore(ObjectStore, PluginFamily.OpenStack, "test", _ => store),
            PluginRegistration.VolumeSnapshotter(VolumeSnapshotter, PluginFamily.OpenStack, "test", _ => new FakeVolumeSnapshotter()),
            PluginRegistration.RestoreItemAction(FailingRestoreAction, PluginFamily.OpenShift, Pods, "test", _ => new FailingRestoreAction()),
            PluginRegistration.RestoreItemAction(CrashingRestoreAction, PluginFamily.OpenShift, Pods, "test", _ => new CrashingRestoreAction()),
        ]);
    }
}
