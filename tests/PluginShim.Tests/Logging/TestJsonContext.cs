using System.Text.Json.Serialization;

namespace VeleroOpenShift.PluginShim.Tests.Logging;

/// <summary>Every field of a log line is a string; reading them as such also proves it.</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
