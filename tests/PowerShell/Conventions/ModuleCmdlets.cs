using System.Management.Automation;
using System.Reflection;

namespace VeleroOpenShift.PowerShell.Tests.Conventions;

/// <summary>The cmdlet classes of the staged module, found by reflection over the assembly PowerShell loaded.</summary>
internal static class ModuleCmdlets
{
    private static readonly Lazy<(Assembly Assembly, IReadOnlyList<Type> Types)> Loaded = new(Load);

    public static Assembly Assembly => Loaded.Value.Assembly;

    public static IReadOnlyList<Type> Types => Loaded.Value.Types;

    public static string NameOf(Type type)
    {
        var attribute = type.GetCustomAttribute<CmdletAttribute>()!;
        return $"{attribute.VerbName}-{attribute.NounName}";
    }

    private static (Assembly, IReadOnlyList<Type>) Load()
    {
        using var host = PowerShellHost.CreateWithModule();
        var assembly = host.Invoke("(Get-Module VeleroOpenShift).ImplementingAssembly").EnsureSucceeded().OutputOf<Assembly>().Single();
        var types = assembly.GetTypes()
            .Where(t => typeof(Cmdlet).IsAssignableFrom(t) && t.GetCustomAttribute<CmdletAttribute>() is not null)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
        return (assembly, types);
    }
}
