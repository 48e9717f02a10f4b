namespace VeleroOpenShift.HelpGenerator.Tests.EndToEnd;

/// <summary>Where the build staged the module: output/VeleroOpenShift/&lt;the one version&gt;/.</summary>
internal static class StagedModule
{
    public static string Directory { get; } = Find();

    public static string Manifest => Path.Combine(Directory, "VeleroOpenShift.psd1");

    private static string Find()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "VeleroOpenShift.slnx")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            throw new InvalidOperationException($"No VeleroOpenShift.slnx above {AppContext.BaseDirectory}.");
        }

        var versions = System.IO.Directory.GetDirectories(Path.Combine(root.FullName, "output", "VeleroOpenShift"));
        return versions.Length == 1
            ? versions[0]
            : throw new InvalidOperationException($"Expected one staged version under output/VeleroOpenShift, found {versions.Length}.");
    }
}
