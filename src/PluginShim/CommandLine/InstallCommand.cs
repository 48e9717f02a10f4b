namespace VeleroOpenShift.PluginShim.CommandLine;

/// <summary>
/// <c>install DIR</c>: what the plugin image's init container runs, copying this executable into the
/// volume Velero mounts at /plugins. Mode 0755 so Velero's non-root user can run a file owned by another
/// user; written under a temporary name and renamed, so Velero never sees half a binary.
/// </summary>
internal static class InstallCommand
{
    public const string ExecutableName = "velero-openshift";

    private const UnixFileMode Executable =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
        UnixFileMode.GroupRead | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    /// <summary>
    /// This executable's path. Environment.ProcessPath comes from /proc/self/exe, which some sandboxes
    /// refuse to resolve; the init container's entrypoint is an absolute argv[0], which then serves.
    /// </summary>
    public static string OwnExecutable()
    {
        if (Environment.ProcessPath is { Length: > 0 } path)
        {
            return path;
        }

        var launched = Handshake.LaunchCommand.Current();
        return Path.IsPathRooted(launched) ? launched : Path.GetFullPath(launched);
    }

    /// <summary>Copies <paramref name="source"/> to <c>DIR/velero-openshift</c> and returns the installed path.</summary>
    public static async Task<string> RunAsync(string source, string directory, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!Path.GetFileName(source).Equals(ExecutableName, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"install copies the {ExecutableName} executable, but this process runs from {source}");
        }

        Directory.CreateDirectory(directory);
        var target = Path.Combine(directory, ExecutableName);
        var temporary = Path.Combine(directory, $".{ExecutableName}.{Environment.ProcessId}.tmp");
        try
        {
            var input = File.OpenRead(source);
            await using (input.ConfigureAwait(false))
            {
                var output = new FileStream(temporary, new FileStreamOptions
                {
                    Mode = FileMode.CreateNew,
                    Access = FileAccess.Write,
                    UnixCreateMode = Executable,
                });
                await using (output.ConfigureAwait(false))
                {
                    await input.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
                }
            }

            // UnixCreateMode is filtered by the umask; the mode must be exactly 0755.
            File.SetUnixFileMode(temporary, Executable);
            File.Move(temporary, target, overwrite: true);
            return target;
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
