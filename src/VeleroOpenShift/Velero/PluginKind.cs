namespace VeleroOpenShift.Velero;

/// <summary>The kinds of Velero plugin, one per Velero gRPC service.</summary>
public enum PluginKind
{
    BackupItemAction,
    BackupItemActionV2,
    RestoreItemAction,
    RestoreItemActionV2,
    DeleteItemAction,
    ItemBlockAction,
    ObjectStore,
    VolumeSnapshotter,
}

public static class PluginKindExtensions
{
    /// <summary>The exact kind string Velero expects in ListPlugins (they equal the enum names).</summary>
    public static string WireName(this PluginKind kind) => kind switch
    {
        PluginKind.BackupItemAction => "BackupItemAction",
        PluginKind.BackupItemActionV2 => "BackupItemActionV2",
        PluginKind.RestoreItemAction => "RestoreItemAction",
        PluginKind.RestoreItemActionV2 => "RestoreItemActionV2",
        PluginKind.DeleteItemAction => "DeleteItemAction",
        PluginKind.ItemBlockAction => "ItemBlockAction",
        PluginKind.ObjectStore => "ObjectStore",
        PluginKind.VolumeSnapshotter => "VolumeSnapshotter",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a plugin kind"),
    };

    /// <summary>Whether plugins of this kind act on items (and so have an applies-to selector).</summary>
    public static bool IsItemAction(this PluginKind kind) =>
        kind is not (PluginKind.ObjectStore or PluginKind.VolumeSnapshotter);

    /// <summary>Whether this kind runs while Velero backs up (as opposed to restore or deletion).</summary>
    public static bool IsBackupAction(this PluginKind kind) =>
        kind is PluginKind.BackupItemAction or PluginKind.BackupItemActionV2 or PluginKind.ItemBlockAction;

    public static bool IsRestoreAction(this PluginKind kind) =>
        kind is PluginKind.RestoreItemAction or PluginKind.RestoreItemActionV2;
}
