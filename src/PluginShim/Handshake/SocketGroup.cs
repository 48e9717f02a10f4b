using System.Globalization;
using System.Runtime.InteropServices;

namespace VeleroOpenShift.PluginShim.Handshake;

/// <summary>
/// Honours PLUGIN_UNIX_SOCKET_GROUP (go-plugin ≥ 1.5): the socket is handed to that group, by name or
/// numeric id, with mode 0660. Velero never sets it; other go-plugin hosts may.
/// </summary>
internal static partial class SocketGroup
{
    public static void Apply(string socketPath, string group)
    {
        ArgumentException.ThrowIfNullOrEmpty(socketPath);
        ArgumentException.ThrowIfNullOrEmpty(group);
        var gid = ResolveGroupId(group);
        if (Chown(socketPath, -1, gid) != 0)
        {
            throw new IOException($"cannot give socket {socketPath} to group {group}: errno {Marshal.GetLastPInvokeError()}");
        }

        File.SetUnixFileMode(socketPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite);
    }

    private static int ResolveGroupId(string group)
    {
        if (int.TryParse(group, NumberStyles.None, CultureInfo.InvariantCulture, out var numeric))
        {
            return numeric;
        }

        var entry = GetGroupByName(group);
        if (entry == IntPtr.Zero)
        {
            throw new InvalidOperationException($"PLUGIN_UNIX_SOCKET_GROUP names group '{group}', which does not exist");
        }

        // struct group { char *gr_name; char *gr_passwd; gid_t gr_gid; char **gr_mem; }
        return Marshal.ReadInt32(entry, 2 * IntPtr.Size);
    }

    [LibraryImport("libc", EntryPoint = "chown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Chown(string path, int owner, int group);

    [LibraryImport("libc", EntryPoint = "getgrnam", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr GetGroupByName(string name);
}
