using System.Reflection;
using VeleroOpenShift.Velero;

namespace VeleroOpenShift.Tests.Architecture;

/// <summary>The engine is shared by the PowerShell module and the gRPC plugin, so it may know neither.</summary>
public sealed class EngineDependencyTests
{
    private static readonly Assembly Engine = typeof(PluginCatalog).Assembly;

    [Fact]
    public void Engine_references_neither_powershell_nor_grpc()
    {
        var forbidden = Engine.GetReferencedAssemblies()
            .Select(a => a.Name ?? string.Empty)
            .Where(name => name.StartsWith("System.Management.Automation", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("Microsoft.PowerShell", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("Grpc", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("Google.Protobuf", StringComparison.OrdinalIgnoreCase))
            .ToList();

        Assert.Empty(forbidden);
    }

    [Fact]
    public void Engine_project_declares_no_powershell_or_grpc_package()
    {
        var project = File.ReadAllText(Path.Combine(TestRepository.Root, "src", "VeleroOpenShift", "VeleroOpenShift.csproj"));

        Assert.DoesNotContain("Automation", project, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("PowerShell", project, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Grpc", project, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Protobuf", project, StringComparison.OrdinalIgnoreCase);
    }
}
