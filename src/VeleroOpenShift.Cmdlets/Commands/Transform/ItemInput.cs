using System.Text.Json.Nodes;
using VeleroOpenShift.Cmdlets.Infrastructure;
using VeleroOpenShift.Cmdlets.Output;
using VeleroOpenShift.OpenShift.Cluster;

namespace VeleroOpenShift.Cmdlets.Commands.Transform;

/// <summary>Items given to a transform: objects (including Get-VeleroBackupItem output), JSON text, or JSON files.</summary>
internal static class ItemInput
{
    public static IEnumerable<JsonObject> FromObject(object? input) => input switch
    {
        VeleroBackupItem fromBackup => [fromBackup.Item],
        System.Management.Automation.PSObject { BaseObject: VeleroBackupItem fromBackup } => [fromBackup.Item],
        _ => ClusterObjectFiles.Expand(ItemConverter.ToJsonObject(input, "Item"), "Item"),
    };

    public static IReadOnlyList<JsonObject> FromFile(string path, CancellationToken cancellationToken) =>
        // -LiteralPath is not resolved against the provider, so a missing file reaches here; name it as PathNotFound.
        File.Exists(path) || Directory.Exists(path)
            ? ClusterObjectFiles.LoadAsync(path, cancellationToken).GetAwaiter().GetResult()
            : throw new FileNotFoundException($"The file '{path}' does not exist.", path);
}
