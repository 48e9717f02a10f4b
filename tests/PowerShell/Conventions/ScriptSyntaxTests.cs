using System.Management.Automation.Language;

namespace VeleroOpenShift.PowerShell.Tests.Conventions;

/// <summary>
/// PowerShell itself cannot be installed here, so build.ps1 and the Pester files are at least parsed by
/// PowerShell 7.6's own parser: a syntax error fails here instead of on a user's machine.
/// </summary>
public sealed class ScriptSyntaxTests
{
    public static TheoryData<string> Scripts()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepoPaths.Root, "*.ps*1", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                              && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                              && !f.Contains($"{Path.DirectorySeparatorChar}output{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                              && !f.EndsWith(".ps1xml", StringComparison.Ordinal)
                              // The runner's own fixture for a file that does not parse.
                              && !f.EndsWith("DiscoveryParseError.Tests.ps1", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepoPaths.Root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Parses_without_errors(string script)
    {
        Parser.ParseFile(Path.Combine(RepoPaths.Root, script), out _, out var errors);

        Assert.Empty(errors.Select(e => $"{e.Extent.StartLineNumber}:{e.Extent.StartColumnNumber} {e.Message}"));
    }

    [Fact]
    public void Build_script_offers_the_four_tasks()
    {
        var ast = Parser.ParseFile(Path.Combine(RepoPaths.Root, "build.ps1"), out _, out _);
        var task = ast.ParamBlock!.Parameters.Single(p => p.Name.VariablePath.UserPath == "Task");
        var validateSet = task.Attributes.OfType<AttributeAst>().Single(a => a.TypeName.Name == "ValidateSet");

        Assert.Equal(["Build", "Test", "Package", "Clean"], validateSet.PositionalArguments.Select(a => a.SafeGetValue()));
    }
}
