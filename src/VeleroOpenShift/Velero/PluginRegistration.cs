using VeleroOpenShift.Kube;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.Velero;

/// <summary>
/// One row of the plugin table: kind, exact Velero name, family, what it applies to (item actions only),
/// a one-line summary and a factory. The typed constructors tie each kind to its contract.
/// </summary>
public sealed class PluginRegistration
{
    private readonly Func<PluginServices, object> _factory;
    private readonly Lazy<CompiledResourceSelector?> _matcher;

    private PluginRegistration(PluginKind kind, string name, PluginFamily family, ResourceSelector? appliesTo, string summary, Func<PluginServices, object> factory)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(summary);
        ArgumentNullException.ThrowIfNull(factory);
        Kind = kind;
        Name = name;
        Family = family;
        AppliesTo = appliesTo;
        Summary = summary;
        _factory = factory;
        _matcher = new Lazy<CompiledResourceSelector?>(() => AppliesTo?.Compile(ResourceTypeCatalog.Default));
    }

    public PluginKind Kind { get; }

    public string Name { get; }

    public PluginFamily Family { get; }

    /// <summary>The item selector Velero is told in AppliesTo; null for object stores and snapshotters.</summary>
    public ResourceSelector? AppliesTo { get; }

    public string Summary { get; }

    /// <summary>The selector resolved against the built-in resource catalogue.</summary>
    public CompiledResourceSelector? Matcher => _matcher.Value;

    public T Create<T>(PluginServices services)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(services);
        return _factory(services) as T
            ?? throw new InvalidOperationException($"{Kind.WireName()} plugin {Name} does not implement {typeof(T).Name}");
    }

    public static PluginRegistration BackupItemAction(string name, PluginFamily family, ResourceSelector appliesTo, string summary, Func<PluginServices, IBackupItemAction> factory) =>
        new(PluginKind.BackupItemAction, name, family, appliesTo, summary, factory);

    public static PluginRegistration BackupItemActionV2(string name, PluginFamily family, ResourceSelector appliesTo, string summary, Func<PluginServices, IBackupItemActionV2> factory) =>
        new(PluginKind.BackupItemActionV2, name, family, appliesTo, summary, factory);

    public static PluginRegistration RestoreItemAction(string name, PluginFamily family, ResourceSelector appliesTo, string summary, Func<PluginServices, IRestoreItemAction> factory) =>
        new(PluginKind.RestoreItemAction, name, family, appliesTo, summary, factory);

    public static PluginRegistration RestoreItemActionV2(string name, PluginFamily family, ResourceSelector appliesTo, string summary, Func<PluginServices, IRestoreItemActionV2> factory) =>
        new(PluginKind.RestoreItemActionV2, name, family, appliesTo, summary, factory);

    public static PluginRegistration DeleteItemAction(string name, PluginFamily family, ResourceSelector appliesTo, string summary, Func<PluginServices, IDeleteItemAction> factory) =>
        new(PluginKind.DeleteItemAction, name, family, appliesTo, summary, factory);

    public static PluginRegistration ItemBlockAction(string name, PluginFamily family, ResourceSelector appliesTo, string summary, Func<PluginServices, IItemBlockAction> factory) =>
        new(PluginKind.ItemBlockAction, name, family, appliesTo, summary, factory);

    public static PluginRegistration ObjectStore(string name, PluginFamily family, string summary, Func<PluginServices, IObjectStore> factory) =>
        new(PluginKind.ObjectStore, name, family, null, summary, factory);

    public static PluginRegistration VolumeSnapshotter(string name, PluginFamily family, string summary, Func<PluginServices, IVolumeSnapshotter> factory) =>
        new(PluginKind.VolumeSnapshotter, name, family, null, summary, factory);

    public override string ToString() => $"{Kind.WireName()} {Name}";
}
