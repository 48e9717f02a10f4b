namespace VeleroOpenShift.Tests;

/// <summary>Paths of this checkout for the tests that read its files or run its scripts: the folder of VeleroOpenShift.slnx.</summary>
public static class TestRepository
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "VeleroOpenShift.slnx")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("VeleroOpenShift.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The server scripts beside the checkout (<c>../shared/scripts</c>).</summary>
    public static string SharedScripts => Path.GetFullPath(Path.Combine(Root, "..", "shared", "scripts"));

    /// <summary>A server script: the repository's own (tests/Servers) when it has one by that name, else the shared one.</summary>
    public static string ServerScript(string name) =>
        File.Exists(Path.Combine(Root, "tests", "Servers", name)) ? Path.Combine(Root, "tests", "Servers", name) : Path.Combine(SharedScripts, name);

    /// <summary>tests/Servers/run-closing-fds.sh: servers started through it do not inherit the test host's lock files.</summary>
    public static string ClosingFds => Path.Combine(Root, "tests", "Servers", "run-closing-fds.sh");
}
