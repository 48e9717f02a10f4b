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
    private readonly ChangeTracking _tracking;
    private readonly Dictionary<(PluginKind, string), object> _instances = [];

    /// <param name="onlyPlugins">When given, only these plugin names run.</param>
    /// <param name="tracking">Per action, each outcome names the paths its action changed; per item, outcomes
    /// name none and only <see cref="ItemTransformResult.Changed"/> tells whether the item changed.</param>
    public ItemTransformer(PluginCatalog catalog, PluginServices services, IReadOnlySet<string>? onlyPlugins = null, ResourceTypeCatalog? resources = null, ChangeTracking tracking = ChangeTracking.PerAction)
    {
        _tracking = tracking;
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
        var actions = Applicable(item, RestoreKinds);
        var initial = Snapshot(ChangeTracking.PerItem, item, actions);

        foreach (var registration in actions)
        {
            var before = Snapshot(ChangeTracking.PerAction, item, actions);
            RestoreItemActionResult result = registration.Kind == PluginKind.RestoreItemAction
                ? await Instance<IRestoreItemAction>(registration).ExecuteAsync(item, itemFromBackup, restore, cancellationToken).ConfigureAwait(false)
                : await Instance<IRestoreItemActionV2>(registration).ExecuteAsync(item, itemFromBackup, restore, cancellationToken).ConfigureAwait(false);
            item = result.Item;
            outcomes.Add(new ActionOutcome(registration.Name, registration.Kind, ChangedPaths(before, item), result.SkipRestore,
                [.. result.AdditionalItems], (result as RestoreItemActionV2Result)?.OperationId));
            if (result.SkipRestore)
            {
                skip = true;
                break;
            }

            additional.AddRange(result.AdditionalItems);
        }

        // What the actions changed, not Velero's own namespace mapping.
        var changed = Changed(initial, item, outcomes);
        if (!skip)
        {
            ApplyNamespaceMapping(item, restore, source);
        }

        return new ItemTransformResult(source, item, skip, additional, outcomes, changed);
    }

    /// <summary>Transforms an item as a backup would store it.</summary>
    public async Task<ItemTransformResult> BackupAsync(JsonObject item, VeleroBackup backup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(backup);
        var source = ItemReference.Of(item);
        var outcomes = new List<ActionOutcome>();
        var additional = new List<ResourceIdentifier>();
        var actions = Applicable(item, BackupKinds);
        var initial = Snapshot(ChangeTracking.PerItem, item, actions);

        foreach (var registration in actions)
        {
            var before = Snapshot(ChangeTracking.PerAction, item, actions);
            BackupItemActionResult result = registration.Kind == PluginKind.BackupItemAction
                ? await Instance<IBackupItemAction>(registration).ExecuteAsync(item, backup, cancellationToken).ConfigureAwait(false)
                : await Instance<IBackupItemActionV2>(registration).ExecuteAsync(item, backup, cancellationToken).ConfigureAwait(false);
            item = result.Item;
            outcomes.Add(new ActionOutcome(registration.Name, registration.Kind, ChangedPaths(before, item), SkipRestore: false,
                [.. result.AdditionalItems], (result as BackupItemActionV2Result)?.OperationId));
            additional.AddRange(result.AdditionalItems);
        }

        return new ItemTransformResult(source, item, SkipRestore: false, additional, outcomes, Changed(initial, item, outcomes));
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

    private List<PluginRegistration> Applicable(JsonObject item, PluginKind[] kinds) =>
        [.. _catalog.ActionsFor(item, kinds).Where(r => _onlyPlugins is null || _onlyPlugins.Contains(r.Name))];

    /// <summary>A copy of the item, taken only when <paramref name="when"/> is this transformer's tracking and some action runs.</summary>
    private JsonNode? Snapshot(ChangeTracking when, JsonObject item, List<PluginRegistration> actions) =>
        _tracking == when && actions.Count > 0 ? item.DeepClone() : null;

    private static IReadOnlyList<string> ChangedPaths(JsonNode? before, JsonObject after) =>
        before is null ? [] : JsonDiff.ChangedPaths(before, after);

    private static bool Changed(JsonNode? initial, JsonObject final, List<ActionOutcome> outcomes) =>
        initial is null ? outcomes.Any(o => o.Changed) : !JsonNode.DeepEquals(initial, final);

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
