using System.Management.Automation;

namespace VeleroOpenShift.Cmdlets.Infrastructure;

/// <summary>Resolves -Path (wildcards) and -LiteralPath (as written) to file-system paths, the PowerShell way.</summary>
internal static class ProviderPaths
{
    public static IEnumerable<string> Resolve(PSCmdlet cmdlet, string path, bool literal)
    {
        if (literal)
        {
            yield return cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
            yield break;
        }

        foreach (var resolved in cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(path, out var provider))
        {
            if (provider.ImplementingType != typeof(Microsoft.PowerShell.Commands.FileSystemProvider))
            {
                throw new PSArgumentException($"'{path}' is not a file-system path.");
            }

            yield return resolved;
        }
    }
}
