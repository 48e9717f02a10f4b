using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using Pwsh = System.Management.Automation.PowerShell;

namespace VeleroOpenShift.PowerShell.Tests;

/// <summary>
/// A PowerShell runspace in the test process. Scripts run in its global scope, so what one
/// <see cref="Invoke"/> defines is seen by the next. Only the Microsoft.PowerShell.Core commands
/// exist here (no Write-Output, Select-Object, ConvertTo-Json...): use the language and .NET.
/// </summary>
public sealed class PowerShellHost : IDisposable
{
    private readonly Runspace runspace;

    private PowerShellHost(Runspace runspace) => this.runspace = runspace;

    /// <summary>A runspace with the engine's default commands and nothing imported.</summary>
    public static PowerShellHost CreateEmpty()
    {
        // CreateDefault2: CreateDefault needs a console host and throws here. No execution policy
        // is set: doing so throws on Linux, and nothing here is signed anyway.
        var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        runspace.Open();
        return new PowerShellHost(runspace);
    }

    /// <summary>A runspace with the staged module output/VeleroOpenShift/&lt;version&gt; imported.</summary>
    public static PowerShellHost CreateWithModule()
    {
        var host = CreateEmpty();
        try
        {
            host.Invoke("Import-Module -Name $args[0] -ErrorAction Stop", RepoPaths.StagedModuleManifest).EnsureSucceeded();
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>Sets a global variable that later scripts can read.</summary>
    public void SetVariable(string name, object? value) => runspace.SessionStateProxy.SetVariable(name, value);

    /// <summary>
    /// Runs <paramref name="script"/>; <paramref name="arguments"/> are its <c>$args</c>, or bind to
    /// its <c>param()</c> block by position. A terminating error is returned, not thrown.
    /// </summary>
    /// <remarks>To pass one array as one argument, cast it to object: <c>Invoke("$args[0] | Get-X", (object)items)</c>.</remarks>
    public PowerShellResult Invoke(string script, params object?[] arguments)
    {
        using var shell = Pwsh.Create(runspace);
        shell.AddScript(script);
        foreach (var argument in arguments)
        {
            shell.AddArgument(argument);
        }

        Collection<PSObject> output;
        RuntimeException? terminating = null;
        try
        {
            output = shell.Invoke();
        }
        catch (RuntimeException exception)
        {
            output = [];
            terminating = exception;
        }

        var streams = shell.Streams;
        return new PowerShellResult(
            new ReadOnlyCollection<PSObject?>([.. output]),
            new ReadOnlyCollection<ErrorRecord>([.. streams.Error]),
            new ReadOnlyCollection<VerboseRecord>([.. streams.Verbose]),
            new ReadOnlyCollection<WarningRecord>([.. streams.Warning]),
            new ReadOnlyCollection<InformationRecord>([.. streams.Information]),
            terminating);
    }

    public void Dispose() => runspace.Dispose();
}
