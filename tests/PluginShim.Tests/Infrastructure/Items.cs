using System.Text.Json.Nodes;
using Google.Protobuf;

namespace VeleroOpenShift.PluginShim.Tests.Infrastructure;

/// <summary>Request payloads as Velero sends them.</summary>
internal static class Items
{
    public const string Pod = """
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"frontend","namespace":"web","labels":{"app":"web"},"x-unknown":{"kept":true}},"spec":{"containers":[{"name":"c","image":"nginx"}]}}
        """;

    public const string Backup = """{"metadata":{"name":"nightly","namespace":"velero"},"spec":{"includedNamespaces":["web"]}}""";

    public const string Restore = """{"metadata":{"name":"again","namespace":"velero"},"spec":{"backupName":"nightly","namespaceMapping":{"web":"web-copy"}}}""";

    public const string PersistentVolume = """{"apiVersion":"v1","kind":"PersistentVolume","metadata":{"name":"pv-1"},"spec":{"cinder":{"volumeID":"vol-1"}}}""";

    public static ByteString Bytes(string json) => ByteString.CopyFromUtf8(json);

    public static JsonObject Parse(ByteString bytes) => JsonNode.Parse(bytes.ToStringUtf8())!.AsObject();

    public static string? SeenBy(ByteString item) => Parse(item)["metadata"]?["annotations"]?["test.io/seen-by"]?.GetValue<string>();
}
