using System.Text.Json.Nodes;
using VeleroOpenShift.Kube;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.Velero.Transform;

/// <summary>
/// Runs every applicable item action of a catalogue on an item, in registration order, the way Velero
/// would: restore actions see the prepared item and the pristine backup copy, stop at the first
/// SkipRestore, and the namespace mapping is applied after all of them. Action instances are created once
/// per transformer and reused, as Velero reuses them within one plugin process.
/// </summary>
public sealed class ItemTransformer
{
    private static readonly PluginKind[] RestoreKinds = [PluginKind.RestoreItemAction, PluginKind.RestoreItemActionV2];
    private static readonly PluginKind[] BackupKinds = [PluginKind.BackupItemAction, PluginKind.BackupItemActionV2];

    private readonly PluginCatalog _catalog;
    private readonly PluginServices _services;
    private readonly ResourceTypeCatalog _resources;
    private readonly IReadOnlySet<string>? _onlyPlugins;
    private readonly Dictionary<(PluginKind, string), object> _instances = [];

    /// <param name="onlyPlugins">When given, only these plugin names run.</param>
    public ItemTransformer(PluginCatalog catalog, PluginServices services, IReadOnlySet<string>? onlyPlugins = null, ResourceTypeCatalog? resources = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(services);
        _catalog = catalog;
        _services = services;
        _onlyPlugins = onlyPlugins;
        _resources = resources ?? ResourceTypeCatalog.Default;
    }

    /// <summary>Transforms an item from a backup as a restore would, including the namespace mapping.</summary>
    public async Task<ItemTransformResult> RestoreAsync(JsonObject itemFromBackup, VeleroRestore restore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(itemFromBackup);
        ArgumentNullException.ThrowIfNull(restore);
        var source = ItemReference.Of(itemFromBackup);
        var item = RestoreItemPreparer.Prepare(itemFromBackup, restore, ResourceOf(itemFromBackup, source));
        var outcomes = new List<ActionOutcome>();
        var additional = new List<ResourceIdentifier>();
        var skip = false;

        foreach (var registration in Applicable(item, RestoreKinds))
        {
            var before = item.DeepClone();
            RestoreItemActionResult result = registration.Kind == PluginKind.RestoreItemAction
                ? await Instance<IRestoreItemAction>(registration).ExecuteAsync(item, itemFromBackup, restore, cancellationToken).ConfigureAwait(false)
                : await Instance<IRestoreItemActionV2>(registration).ExecuteAsync(item, itemFromBackup, restore, cancellationToken).ConfigureAwait(false);
            item = result.Item;
            outcomes.Add(new ActionOutcome(registration.Name, registration.Kind, JsonDiff.ChangedPaths(before, item), result.SkipRestore,
                [.. result.AdditionalItems], (result as RestoreItemActionV2Result)?.OperationId));
            if (result.SkipRestore)
            {
                skip = true;
                break;
            }

            additional.AddRange(result.AdditionalItems);
        }

        if (!skip)
        {
            ApplyNamespaceMapping(item, restore, source);
        }

        return new ItemTransformResult(source, item, skip, additional, outcomes);
    }

    /// <summary>Transforms an item as a backup would store it.</summary>
    public async Task<ItemTransformResult> BackupAsync(JsonObject item, VeleroBackup backup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(backup);
        var source = ItemReference.Of(item);
        var outcomes = new List<ActionOutcome>();
        var additional = new List<ResourceIdentifier>();

        foreach (var registration in Applicable(item, BackupKinds))
        {
            var before = item.DeepClone();
            BackupItemActionResult result = registration.Kind == PluginKind.BackupItemAction
                ? await Instance<IBackupItemAction>(registration).ExecuteAsync(item, backup, cancellationToken).ConfigureAwait(false)
                : await Instance<IBackupItemActionV2>(registration).ExecuteAsync(item, backup, cancellationToken).ConfigureAwait(false);
            item = result.Item;
            outcomes.Add(new ActionOutcome(registration.Name, registration.Kind, JsonDiff.ChangedPaths(before, item), SkipRestore: false,
                [.. result.AdditionalItems], (result as BackupItemActionV2Result)?.OperationId));
            additional.AddRange(result.AdditionalItems);
        }

        return new ItemTransformResult(source, item, SkipRestore: false, additional, outcomes);
    }

    /// <summary>Velero moves namespaced items into the mapped namespace and renames mapped Namespace objects.</summary>
    private void ApplyNamespaceMapping(JsonObject item, VeleroRestore restore, ItemReference source)
    {
        if (source.Namespace is { } sourceNamespace)
        {
            ItemFields.SetString(item, "metadata.namespace", restore.MapNamespace(sourceNamespace), source);
        }
        else if (ResourceOf(item, source) == NamespaceResource)
        {
            ItemFields.SetString(item, "metadata.name", restore.MapNamespace(source.Name), source);
        }
    }

    private static readonly GroupResource NamespaceResource = new(string.Empty, "namespaces");

    private GroupResource ResourceOf(JsonObject item, ItemReference reference) =>
        _resources.ForKind(
            GroupResource.GroupOfApiVersion(ItemFields.GetString(item, "apiVersion", reference)),
            ItemFields.GetString(item, "kind", reference) ?? string.Empty).GroupResource;

    private IEnumerable<PluginRegistration> Applicable(JsonObject item, PluginKind[] kinds) =>
        _catalog.ActionsFor(item, kinds).Where(r => _onlyPlugins is null || _onlyPlugins.Contains(r.Name));

    private T Instance<T>(PluginRegistration registration)
        where T : class
    {
        var key = (registration.Kind, registration.Name);
        if (!_instances.TryGetValue(key, out var instance))
        {
            instance = registration.Create<T>(_services);
            _instances[key] = instance;
        }

        return (T)instance;
    }
}
