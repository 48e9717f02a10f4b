using System.Management.Automation;
using System.Text.RegularExpressions;
using VeleroOpenShift.HelpGenerator.Metadata;
using Xunit;

namespace VeleroOpenShift.HelpGenerator.Tests.Metadata;

public sealed class CmdletMetadataMapperTests
{
    private static readonly CmdletMetadata Mapped = CmdletMetadataMapper.Map(new CmdletInfo("Remove-TestWidget", typeof(RemoveTestWidgetCommand)));

    [Fact]
    public void KeepsWhatIfAndConfirmButNotTheOtherCommonParameters()
    {
        Assert.Equal(["Color", "Confirm", "Force", "Name", "WhatIf"], Mapped.Parameters.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["Confirm", "WhatIf"], Mapped.Parameters.Where(p => p.IsShouldProcessParameter).Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ReadsValidateSetAliasesSwitchesAndPipelineByPropertyName()
    {
        Assert.Equal(["Red", "Blue"], Mapped.Parameter("Color").AcceptedValues);
        Assert.Equal(["WidgetName"], Mapped.Parameter("Name").Aliases);
        Assert.True(Mapped.Parameter("Force").IsSwitch);
        Assert.Equal(new ParameterBinding("Name", true, 0, false, true), Mapped.ParameterSets.Single().Parameters[0]);
    }

    [Fact]
    public void OrdersASetLikeGetCommandSyntax()
    {
        // PowerShell's own syntax line for the set, e.g. "[-Name] <string[]> [-Force] ... [<CommonParameters>]".
        var syntax = new CmdletInfo("Remove-TestWidget", typeof(RemoveTestWidgetCommand)).ParameterSets.Single().ToString();
        var expected = Regex.Matches(syntax, @"-(\w+)\b").Select(m => m.Groups[1].Value);

        Assert.Equal(expected, Mapped.ParameterSets.Single().Parameters.Select(p => p.Name));
    }

    [Fact]
    public void NamesOutputTypesAndTheHelpFile()
    {
        Assert.Equal(new TypeReference("System.String", "String", false), Assert.Single(Mapped.OutputTypes));
        Assert.Equal("HelpGenerator.Tests.dll-Help.xml", Mapped.HelpFileName);
    }

    [Cmdlet(VerbsCommon.Remove, "TestWidget", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(string))]
    public sealed class RemoveTestWidgetCommand : PSCmdlet
    {
        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        [ValidateSet("Red", "Blue")]
        public string? Color { get; set; }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("WidgetName")]
        public string[]? Name { get; set; }
    }
}
