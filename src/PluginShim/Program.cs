using VeleroOpenShift.Velero;

// go-plugin hosts on Windows use TCP; Velero's server pod is Linux-only (spec §9.3), so the shim is too.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

namespace VeleroOpenShift.PluginShim;

internal static class Program
{
    public static Task<int> Main(string[] args) => ShimEntryPoint.RunAsync(args, PluginCatalog.Default);
}
