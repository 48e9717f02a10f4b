using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace VeleroOpenShift.Tests.OpenShift;

/// <summary>
/// One case of a fixture file under Fixtures/: the plugin it runs, the input item, the item from backup,
/// the Backup or Restore, cluster facts for the offline look-ups, and the expected outcome.
/// </summary>
public sealed class FixtureCase : IXunitSerializable
{
    public FixtureCase()
    {
    }

    public FixtureCase(string file, string name)
    {
        File = file;
        Name = name;
    }

    public string File { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public JsonObject Load()
    {
        var root = Json.Parse(System.IO.File.ReadAllText(FixtureFiles.PathOf(File)))!.AsObject();
        var found = root["cases"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == Name)!.AsObject();
        found["plugin"] ??= root["plugin"]!.DeepClone();
        return found;
    }

    public void Deserialize(IXunitSerializationInfo info)
    {
        File = info.GetValue<string>(nameof(File));
        Name = info.GetValue<string>(nameof(Name));
    }

    public void Serialize(IXunitSerializationInfo info)
    {
        info.AddValue(nameof(File), File);
        info.AddValue(nameof(Name), Name);
    }

    public override string ToString() => $"{File}: {Name}";
}

internal static class FixtureFiles
{
    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "OpenShift", "Fixtures", file);

    /// <summary>Every case of every fixture file, for a theory.</summary>
    public static IEnumerable<object[]> AllCases() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "OpenShift", "Fixtures"), "*.json")
            .OrderBy(f => f, StringComparer.Ordinal)
            .SelectMany(path => Json.Parse(System.IO.File.ReadAllText(path))!["cases"]!.AsArray()
                .Select(c => new object[] { new FixtureCase(Path.GetFileName(path), c!["name"]!.GetValue<string>()) }));
}
