namespace VeleroOpenShift.PowerShell.Tests;

/// <summary>Places in the repository that the PowerShell tests read from.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> root = new(FindRoot);

    /// <summary>The folder that holds VeleroOpenShift.slnx.</summary>
    public static string Root => root.Value;

    public static string PesterTests => Path.Combine(Root, "tests", "Pester");

    public static string PesterCompatModule => Path.Combine(Root, "tests", "PowerShell", "PesterCompat", "Pester.psd1");

    public static string PesterCompatFixtures => Path.Combine(Root, "tests", "PowerShell", "PesterCompatFixtures");

    /// <summary>output/VeleroOpenShift/&lt;version&gt;/VeleroOpenShift.psd1, as the cmdlet project's build stages it.</summary>
    public static string StagedModuleManifest
    {
        get
        {
            var moduleRoot = Path.Combine(Root, "output", "VeleroOpenShift");
            var versions = Directory.Exists(moduleRoot) ? Directory.GetDirectories(moduleRoot) : [];
            if (versions.Length != 1)
            {
                throw new InvalidOperationException(
                    $"Expected exactly one staged module version under '{moduleRoot}', found {versions.Length}. " +
                    "Build src/VeleroOpenShift.Cmdlets to stage it (a stale version folder can simply be deleted).");
            }

            var manifest = Path.Combine(versions[0], "VeleroOpenShift.psd1");
            return File.Exists(manifest)
                ? manifest
                : throw new InvalidOperationException($"The staged module has no manifest: '{manifest}' is missing.");
        }
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "VeleroOpenShift.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above '{AppContext.BaseDirectory}' contains VeleroOpenShift.slnx.");
    }
}
