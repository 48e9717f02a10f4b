using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace VeleroOpenShift.HelpGenerator.Metadata;

/// <summary>
/// Imports the staged module into an in-process PowerShell and reads its exported cmdlets, so help
/// is checked against the binding metadata Get-Help will see, not a re-implementation of it.
/// </summary>
internal static class ModuleMetadataReader
{
    public static IReadOnlyList<CmdletMetadata> Read(string manifestPath)
    {
        // CreateDefault2: CreateDefault needs a console host and fails in a build process.
        using var powerShell = PowerShell.Create(InitialSessionState.CreateDefault2());
        powerShell.AddCommand("Import-Module")
            .AddParameter("Name", manifestPath)
            .AddParameter("PassThru")
            .AddParameter("ErrorAction", ActionPreference.Stop);

        PSModuleInfo module;
        try
        {
            module = powerShell.Invoke<PSModuleInfo>().Single();
        }
        catch (RuntimeException e)
        {
            throw new HelpGenerationException($"{manifestPath}: error HG0100: Import-Module failed: {e.Message}", e);
        }

        return module.ExportedCmdlets.Values
            .OrderBy(cmdlet => cmdlet.Name, StringComparer.OrdinalIgnoreCase)
            .Select(CmdletMetadataMapper.Map)
            .ToList();
    }
}
