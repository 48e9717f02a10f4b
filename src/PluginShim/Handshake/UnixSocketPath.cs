using System.Globalization;
using System.Text;

namespace VeleroOpenShift.PluginShim.Handshake;

/// <summary>Chooses the socket path the way go-plugin does: <c>&lt;dir&gt;/plugin&lt;random digits&gt;</c>, not yet existing.</summary>
internal static class UnixSocketPath
{
    // sun_path holds 108 bytes including the terminating NUL.
    private const int MaxPathBytes = 107;

    /// <summary>
    /// A fresh path in <paramref name="directory"/> (PLUGIN_UNIX_SOCKET_DIR), else in the temp directory
    /// (TMPDIR or /tmp, which Go plugins in the Velero container use too).
    /// </summary>
    public static string Create(string? directory)
    {
        var dir = string.IsNullOrEmpty(directory) ? Path.GetTempPath() : directory;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            // Uniqueness, not secrecy, is needed (go-plugin does the same), and a cryptographic generator would
            // load OpenSSL on every start-up.
            var path = Path.Combine(dir, "plugin" + Random.Shared.Next(int.MaxValue).ToString(CultureInfo.InvariantCulture));
            if (Encoding.UTF8.GetByteCount(path) > MaxPathBytes)
            {
                throw new InvalidOperationException($"socket path {path} is longer than the {MaxPathBytes} bytes a Unix socket address can hold; set PLUGIN_UNIX_SOCKET_DIR or TMPDIR to a shorter directory");
            }

            if (!File.Exists(path) && !Directory.Exists(path))
            {
                return path;
            }
        }

        throw new InvalidOperationException($"could not find an unused socket name in {dir}");
    }
}
