using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenShift;
using VeleroOpenShift.OpenShift.Cluster;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.Tests.OpenShift;

/// <summary>
/// Runs a fixture case through the registered plugin (so the table's factories are exercised too) with
/// offline cluster look-ups built from the case, and checks every expectation the case states. An absent
/// expected item means "unchanged"; an absent skip means "not skipped"; absent additional items mean none.
/// </summary>
internal static class FixtureRunner
{
    public static async Task RunAsync(JsonObject @case)
    {
        var pluginName = @case["plugin"]!.GetValue<string>();
        var registration = PluginCatalog.Default.Registrations.Single(r => r.Name == pluginName);
        var cluster = BuildCluster(@case["cluster"] as JsonObject);
        var services = new PluginServices(NullLoggerFactory.Instance, new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture)))
        {
            Cluster = cluster,
            OpenShift = OpenShiftOptions.Default with { ImageStreamBackup = @case["options"]?["imageStreamBackup"]?.GetValue<bool>() == true },
        };
        var item = @case["item"]!.DeepClone().AsObject();
        var original = item.DeepClone();
        var itemFromBackup = (@case["itemFromBackup"] ?? @case["item"])!.DeepClone().AsObject();
        var expect = @case["expect"] as JsonObject ?? [];

        Outcome outcome;
        try
        {
            outcome = await ExecuteAsync(registration, services, item, itemFromBackup, @case);
        }
        catch (Exception e) when (expect["error"] is JsonObject expectedError)
        {
            AssertError(expectedError, e);
            return;
        }

        Assert.Null(expect["error"]);
        Json.Equal(expect["item"] ?? original, outcome.Item);
        Assert.Equal(expect["skip"]?.GetValue<bool>() ?? false, outcome.Skip);
        Assert.Equal(
            (expect["additionalItems"] as JsonArray ?? []).Select(ToIdentifier).ToList(),
            outcome.AdditionalItems.ToList());
        if (expect["waitForAdditionalItems"] is { } wait)
        {
            Assert.Equal(wait.GetValue<bool>(), outcome.WaitForAdditionalItems);
        }

        if (expect["replaced"] is JsonArray replaced)
        {
            Assert.Equal(replaced.Count, cluster.Replaced.Count);
            for (var i = 0; i < replaced.Count; i++)
            {
                Json.Equal(replaced[i], cluster.Replaced[i]);
            }
        }
    }

    public static VeleroRestore Restore(JsonObject? overrides) =>
        new(Merge(Json.O("{'apiVersion':'velero.io/v1','kind':'Restore','metadata':{'name':'restore-1','namespace':'openshift-adp','uid':'restore-uid-1'},'spec':{'backupName':'backup-1'}}"), overrides));

    public static VeleroBackup Backup(JsonObject? overrides) =>
        new(Merge(Json.O("{'apiVersion':'velero.io/v1','kind':'Backup','metadata':{'name':'backup-1','namespace':'openshift-adp','uid':'backup-uid-1'},'spec':{'storageLocation':'default'}}"), overrides));

    public static OfflineClusterLookups BuildCluster(JsonObject? facts)
    {
        ServerVersion? version = null;
        if (facts?["serverVersion"] is JsonValue v)
        {
            var parts = v.GetValue<string>().Split('.');
            version = new ServerVersion(int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        }

        var cluster = new OfflineClusterLookups(
            version,
            facts?["registryHostname"]?.GetValue<string>(),
            (facts?["objects"] as JsonArray ?? []).Select(o => o!.DeepClone().AsObject()));
        foreach (var api in facts?["unserved"] as JsonArray ?? [])
        {
            cluster.UnservedApis.Add(api!.GetValue<string>());
        }

        return cluster;
    }

    private static async Task<Outcome> ExecuteAsync(PluginRegistration registration, PluginServices services, JsonObject item, JsonObject itemFromBackup, JsonObject @case)
    {
        var ct = CancellationToken.None;
        switch (registration.Kind)
        {
            case PluginKind.BackupItemAction:
                var backupResult = await registration.Create<IBackupItemAction>(services).ExecuteAsync(item, Backup(@case["backup"] as JsonObject), ct);
                return new Outcome(backupResult.Item, false, backupResult.AdditionalItems, false);
            case PluginKind.ItemBlockAction:
                var related = await registration.Create<IItemBlockAction>(services).GetRelatedItemsAsync(item, Backup(@case["backup"] as JsonObject), ct);
                return new Outcome(item, false, [.. related], false);
            case PluginKind.RestoreItemAction:
                var result = await registration.Create<IRestoreItemAction>(services).ExecuteAsync(item, itemFromBackup, Restore(@case["restore"] as JsonObject), ct);
                return new Outcome(result.Item, result.SkipRestore, result.AdditionalItems, false);
            case PluginKind.RestoreItemActionV2:
                var v2 = await registration.Create<IRestoreItemActionV2>(services).ExecuteAsync(item, itemFromBackup, Restore(@case["restore"] as JsonObject), ct);
                return new Outcome(v2.Item, v2.SkipRestore, v2.AdditionalItems, v2.WaitForAdditionalItems);
            default:
                throw new InvalidOperationException($"{registration} is not an item action");
        }
    }

    private static void AssertError(JsonObject expected, Exception actual)
    {
        Assert.Equal(expected["type"]!.GetValue<string>(), actual.GetType().Name);
        if (expected["field"] is { } field)
        {
            Assert.Equal(field.GetValue<string>(), Assert.IsType<InvalidItemException>(actual).Field);
        }

        if (expected["item"] is { } item)
        {
            Assert.Equal(item.GetValue<string>(), Assert.IsAssignableFrom<VeleroOpenShiftException>(actual).Target);
        }

        if (expected["message"] is { } message)
        {
            Assert.Contains(message.GetValue<string>(), actual.Message, StringComparison.Ordinal);
        }
    }

    private static ResourceIdentifier ToIdentifier(JsonNode? node) =>
        new(node!["group"]?.GetValue<string>() ?? string.Empty, node["resource"]!.GetValue<string>(), node["namespace"]?.GetValue<string>() ?? string.Empty, node["name"]!.GetValue<string>());

    /// <summary>Overlays <paramref name="overrides"/> on <paramref name="baseObject"/>, object members recursively.</summary>
    private static JsonObject Merge(JsonObject baseObject, JsonObject? overrides)
    {
        foreach (var (key, value) in overrides ?? [])
        {
            if (value is JsonObject child && baseObject[key] is JsonObject existing)
            {
                Merge(existing, child);
            }
            else
            {
                baseObject[key] = value?.DeepClone();
            }
        }

        return baseObject;
    }

    private sealed record Outcome(JsonObject Item, bool Skip, IList<ResourceIdentifier> AdditionalItems, bool WaitForAdditionalItems);
}
