using System.Collections;
using System.Management.Automation.Language;

namespace VeleroOpenShift.PowerShell.Tests.Conventions;

/// <summary>The staged manifest exports exactly the cmdlet classes, explicitly, and declares what the module needs.</summary>
public sealed class ManifestTests
{
    private static Hashtable Manifest()
    {
        var ast = Parser.ParseFile(RepoPaths.StagedModuleManifest, out _, out var errors);
        Assert.Empty(errors);
        return (Hashtable)ast.Find(node => node is HashtableAst, searchNestedScriptBlocks: false)!.SafeGetValue();
    }

    private static string[] Strings(object? value) => value switch
    {
        null => [],
        string single => [single],
        IEnumerable many => [.. many.Cast<object>().Select(v => v.ToString()!)],
        _ => [value.ToString()!],
    };

    [Fact]
    public void Exports_exactly_the_cmdlet_classes_in_sorted_order()
    {
        var exported = Strings(Manifest()["CmdletsToExport"]);
        var classes = ModuleCmdlets.Types.Select(ModuleCmdlets.NameOf).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(classes, exported);
        Assert.Equal(exported.Order(StringComparer.Ordinal), exported);
    }

    [Fact]
    public void Exports_no_functions_variables_or_aliases_and_no_wildcards()
    {
        var manifest = Manifest();

        foreach (var key in new[] { "FunctionsToExport", "VariablesToExport", "AliasesToExport" })
        {
            Assert.True(manifest.ContainsKey(key), $"{key} must be declared explicitly");
            Assert.Empty(Strings(manifest[key]));
        }

        Assert.DoesNotContain(Strings(manifest["CmdletsToExport"]), name => name.Contains('*', StringComparison.Ordinal));
    }

    [Fact]
    public void Declares_powershell_7_6_core_formats_and_gallery_tags()
    {
        var manifest = Manifest();

        Assert.Equal("7.6", manifest["PowerShellVersion"]);
        Assert.Equal(["Core"], Strings(manifest["CompatiblePSEditions"]));
        Assert.Equal(["VeleroOpenShift.format.ps1xml"], Strings(manifest["FormatsToProcess"]));
        var psData = (Hashtable)((Hashtable)manifest["PrivateData"]!)["PSData"]!;
        Assert.Contains("Velero", Strings(psData["Tags"]));
    }

    [Fact]
    public void The_staged_version_is_the_one_in_directory_build_props()
    {
        var props = File.ReadAllText(Path.Combine(RepoPaths.Root, "Directory.Build.props"));
        var version = System.Text.RegularExpressions.Regex.Match(props, "<VersionPrefix>([^<]+)</VersionPrefix>").Groups[1].Value;

        Assert.Equal(version, Manifest()["ModuleVersion"]);
        Assert.Equal(version, Path.GetFileName(Path.GetDirectoryName(RepoPaths.StagedModuleManifest)));
    }
}
