using System.Text;

namespace VeleroOpenShift.PluginShim.Handshake;

/// <summary>
/// The command ListPlugins reports. Velero stores it and execs it for every later launch, and groups
/// plugins into processes by it, so it must be the argv[0] Velero used, byte for byte (spec §5.3).
/// </summary>
internal static class LaunchCommand
{
    public static string Current()
    {
        // /proc holds the raw argv[0] under the JIT's apphost as well as under Native AOT.
        var fromProc = FirstArgumentFromProc();
        if (!string.IsNullOrEmpty(fromProc))
        {
            return fromProc;
        }

        var args = Environment.GetCommandLineArgs();
        return args.Length > 0 && args[0].Length > 0 ? args[0] : Environment.ProcessPath ?? string.Empty;
    }

    private static string? FirstArgumentFromProc()
    {
        try
        {
            var cmdline = File.ReadAllBytes("/proc/self/cmdline");
            var end = Array.IndexOf(cmdline, (byte)0);
            return Encoding.UTF8.GetString(cmdline, 0, end < 0 ? cmdline.Length : end);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
