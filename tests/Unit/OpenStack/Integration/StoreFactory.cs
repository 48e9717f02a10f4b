using VeleroOpenShift.OpenStack.Auth;
using VeleroOpenShift.OpenStack.Http;
using VeleroOpenShift.OpenStack.Swift;

namespace VeleroOpenShift.Tests.OpenStack.Integration;

/// <summary>Builds stores the way the plugin does, with a private environment and clouds.yaml directory.</summary>
internal static class StoreFactory
{
    public static readonly (string, string)[] Tempauth =
    [
        ("OS_AUTH_URL", OpenStackServers.TempauthUrl), ("OS_USERNAME", "test:tester"), ("OS_PASSWORD", "testing"),
    ];

    /// <summary>The demo user of keystone-aio.sh, by password, project-scoped through the environment.</summary>
    public static readonly (string, string)[] KeystoneDemo =
    [
        ("OS_AUTH_URL", OpenStackServers.KeystoneUrl), ("OS_USERNAME", KeystoneAdmin.DemoUser), ("OS_PASSWORD", KeystoneAdmin.DemoPassword),
        ("OS_PROJECT_NAME", "demo"), ("OS_USER_DOMAIN_NAME", "Default"), ("OS_PROJECT_DOMAIN_ID", "default"),
    ];

    public static async Task<SwiftObjectStore> InitAsync(CapturedLogs logs, (string, string)[] environment, Dictionary<string, string>? config = null, string? cloudsDirectory = null, TimeProvider? time = null)
    {
        var store = new SwiftObjectStore(
            logs.Factory(),
            time ?? TimeProvider.System,
            TestEnvironment.Of(environment),
            new CloudConfigFiles(null, cloudsDirectory is null ? [] : [cloudsDirectory]));
        await store.InitAsync(config ?? [], CancellationToken.None);
        return store;
    }

    public static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        await using (stream)
        {
            var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            return copy.ToArray();
        }
    }

    public static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }
}

/// <summary>A stream that can only be read forward, as the plugin shim's request stream is; may break off after some bytes.</summary>
internal sealed class ForwardOnlyStream(Stream inner, long failAfter = long.MaxValue) : ForwardReadStream
{
    private long _read;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_read >= failAfter)
        {
            throw new IOException("the source broke off");
        }

        var read = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, failAfter - _read)], cancellationToken);
        _read += read;
        return read;
    }
}
