namespace VeleroOpenShift.PluginShim.Tests.Infrastructure;

/// <summary>Where the repository and the shim's build output are, found from the test assembly.</summary>
internal static class RepositoryPaths
{
#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    public static string Root { get; } = FindRoot();

    /// <summary>The shim's apphost from the same build as these tests (the project reference builds it).</summary>
    public static string ShimExecutable => Path.Combine(Root, "src", "PluginShim", "bin", Configuration, "net10.0", "velero-openshift");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VeleroOpenShift.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no VeleroOpenShift.slnx above {AppContext.BaseDirectory}");
    }
}
