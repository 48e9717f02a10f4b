using VeleroOpenShift.HelpGenerator.Metadata;
using Xunit;

namespace VeleroOpenShift.HelpGenerator.Tests.EndToEnd;

/// <summary>The metadata the generator reads from the real staged module through hosted PowerShell.</summary>
public sealed class ModuleMetadataReaderTests
{
    private static readonly CmdletMetadata GetVeleroPlugin =
        ModuleMetadataReader.Read(StagedModule.Manifest).Single(c => c.Name == "Get-VeleroPlugin");

    [Fact]
    public void NamesTheHelpFilePowerShellLooksFor()
    {
        Assert.Equal("VeleroOpenShift.Cmdlets.dll-Help.xml", GetVeleroPlugin.HelpFileName);
    }

    [Fact]
    public void LeavesOutCommonParametersAndKeepsDeclaredOnes()
    {
        Assert.Equal(["AppliesTo", "Family", "Kind", "Name"], GetVeleroPlugin.Parameters.Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ReadsParameterSetsInSyntaxOrderWithTheDefaultFirst()
    {
        Assert.Equal(["All", "AppliesTo"], GetVeleroPlugin.ParameterSets.Select(s => s.Name));
        Assert.True(GetVeleroPlugin.ParameterSets[0].IsDefault);
        var appliesTo = GetVeleroPlugin.ParameterSets[1].Parameters;
        Assert.Equal(new ParameterBinding("Name", false, 0, false, false), appliesTo[0]);
        Assert.Equal(new ParameterBinding("AppliesTo", true, null, true, false), appliesTo[1]);
    }

    [Fact]
    public void ReadsTypesWildcardsAcceptedValuesAndOutputType()
    {
        var kind = GetVeleroPlugin.Parameter("Kind");

        Assert.Equal(new TypeReference("VeleroOpenShift.Velero.PluginKind[]", "PluginKind[]", true), kind.Type);
        Assert.Contains("RestoreItemAction", kind.AcceptedValues);
        Assert.True(GetVeleroPlugin.Parameter("Name").SupportsWildcards);
        Assert.Equal("VeleroOpenShift.Cmdlets.Output.VeleroPluginInfo", Assert.Single(GetVeleroPlugin.OutputTypes).FullName);
        Assert.Equal("System.Object", Assert.Single(GetVeleroPlugin.InputTypes).FullName);
    }
}
