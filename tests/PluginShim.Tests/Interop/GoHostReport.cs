using System.Text.Json.Serialization;

namespace VeleroOpenShift.PluginShim.Tests.Interop;

/// <summary>What tests/GoInterop/velero-host prints on stdout.</summary>
internal sealed record GoHostReport(
    [property: JsonPropertyName("plugins")] IReadOnlyList<GoHostListedPlugin> Plugins,
    [property: JsonPropertyName("checks")] IReadOnlyList<GoHostCheck> Checks,
    [property: JsonPropertyName("exitedGracefully")] bool ExitedGracefully);

internal sealed record GoHostListedPlugin(
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("name")] string Name);

internal sealed record GoHostCheck(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("ok")] bool Ok,
    [property: JsonPropertyName("detail")] string? Detail);

[JsonSerializable(typeof(GoHostReport))]
internal sealed partial class GoHostReportContext : JsonSerializerContext;
