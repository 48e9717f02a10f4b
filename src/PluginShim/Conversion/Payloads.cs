using System.Text.Json.Nodes;
using Google.Protobuf;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Kube;
using VeleroOpenShift.Velero;

namespace VeleroOpenShift.PluginShim.Conversion;

/// <summary>The JSON payloads of Velero requests and responses: items, persistent volumes, Backups, Restores.</summary>
internal static class Payloads
{
    /// <summary>Parses a request's Kubernetes object; <paramref name="field"/> names the request field in errors.</summary>
    public static JsonObject Item(ByteString bytes, string field) =>
        KubeJson.ParseObject(bytes.Span, ItemReference.Payload(field));

    public static VeleroBackup Backup(ByteString bytes) => VeleroBackup.Parse(bytes.Span);

    public static VeleroRestore Restore(ByteString bytes) => VeleroRestore.Parse(bytes.Span);

    /// <summary>
    /// Serialises an item for a response. Velero decodes it as an unstructured object, which fails without
    /// <c>kind</c>, so a plugin that lost it gets the blame here rather than an obscure Velero error.
    /// </summary>
    public static ByteString ToBytes(JsonObject item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item["kind"] is not JsonValue kind || !kind.TryGetValue(out string? text) || text.Length == 0)
        {
            throw new InvalidItemException(ItemReference.Of(item), "kind", "the plugin returned an item without kind, which Velero cannot decode");
        }

        return ByteString.CopyFrom(KubeJson.SerializeToUtf8(item));
    }
}
