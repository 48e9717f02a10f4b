using System.Management.Automation;
using Xunit;

namespace VeleroOpenShift.PowerShell.Tests;

public sealed class PowerShellHostTests
{
    // No Write-Verbose or Write-Warning in the hosted engine: an advanced function writes them.
    private const string Streams = """
        function Invoke-Streams {
            [CmdletBinding()]
            param($Value)
            $PSCmdlet.WriteVerbose("verbose $Value")
            $PSCmdlet.WriteWarning("warning $Value")
            $PSCmdlet.WriteError([System.Management.Automation.ErrorRecord]::new([System.Exception]::new("error $Value"), 'StreamError', 'InvalidData', $Value))
            $PSCmdlet.WriteObject($Value)
        }
        """;

    [Fact]
    public void ReturnsOutputAndEachStreamAndKeepsDefinitionsBetweenScripts()
    {
        using var host = PowerShellHost.CreateEmpty();
        host.Invoke(Streams).EnsureSucceeded();

        var result = host.Invoke("Invoke-Streams -Value $args[0] -Verbose", 42);

        Assert.Equal([42], result.OutputOf<int>());
        Assert.Equal("verbose 42", Assert.Single(result.Verbose).Message);
        Assert.Equal("warning 42", Assert.Single(result.Warnings).Message);
        var error = Assert.Single(result.Errors);
        Assert.Equal("StreamError,Invoke-Streams", error.FullyQualifiedErrorId);
        Assert.Equal(42, error.TargetObject);
        Assert.False(result.Succeeded);
        Assert.Null(result.TerminatingError);
    }

    [Fact]
    public void ReturnsATerminatingErrorInsteadOfThrowingIt()
    {
        using var host = PowerShellHost.CreateEmpty();

        var result = host.Invoke("'before'; throw [System.InvalidOperationException]::new('stop here')");

        Assert.IsType<InvalidOperationException>(result.TerminatingErrorRecord?.Exception);
        var failure = Assert.Throws<InvalidOperationException>(() => result.EnsureSucceeded());
        Assert.Contains("stop here", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SetVariableIsSeenByLaterScripts()
    {
        using var host = PowerShellHost.CreateEmpty();
        host.SetVariable("item", new Uri("https://example.invalid/a"));

        Assert.Equal(["example.invalid"], host.Invoke("$item.Host").EnsureSucceeded().OutputOf<string>());
    }

    [Fact]
    public void CreateWithModuleImportsTheStagedModule()
    {
        using var host = PowerShellHost.CreateWithModule();

        var module = Assert.Single(host.Invoke("Get-Module -Name VeleroOpenShift").EnsureSucceeded().OutputOf<PSModuleInfo>());
        Assert.Equal(Path.GetDirectoryName(RepoPaths.StagedModuleManifest), module.ModuleBase);
    }
}
