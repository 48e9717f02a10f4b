using System.Reflection;

namespace VeleroOpenShift.PluginShim.CommandLine;

/// <summary>The product version stamped into the executable (Directory.Build.props is its one source).</summary>
internal static class ShimVersion
{
    public static string Current =>
        typeof(ShimVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ShimVersion).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
