using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace VeleroOpenShift.HelpGenerator.Tests.EndToEnd;

/// <summary>A PowerShell 7.6 runspace with the staged module imported, shared by a test class.</summary>
public sealed class HostedModule : IDisposable
{
    private readonly Runspace _runspace;

    public HostedModule()
    {
        _runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        _runspace.Open();
        Invoke(ps => ps.AddCommand("Import-Module").AddParameter("Name", StagedModule.Manifest).AddParameter("ErrorAction", ActionPreference.Stop));
    }

    public IReadOnlyList<PSObject> Invoke(Action<PowerShell> build)
    {
        using var powerShell = PowerShell.Create(_runspace);
        build(powerShell);
        var results = powerShell.Invoke();
        if (powerShell.HadErrors)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, powerShell.Streams.Error));
        }

        return results;
    }

    public void Dispose() => _runspace.Dispose();
}
