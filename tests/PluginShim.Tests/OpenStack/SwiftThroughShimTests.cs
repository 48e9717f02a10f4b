using System.Text;
using Google.Protobuf;
using Grpc.Core;
using VeleroOpenShift.PluginShim.Tests.Infrastructure;
using VeleroOpenShift.Tests.OpenStack.Integration;
using Xunit;
using Generated = VeleroOpenShift.PluginShim.Protos.Generated;

namespace VeleroOpenShift.PluginShim.Tests.OpenStack;

/// <summary>
/// The Swift object store as Velero uses it: the shim executable launched with the go-plugin environment and
/// Keystone credentials in OS_* variables (as a Velero pod has them), every ObjectStore RPC against real
/// Keystone and Swift on 127.0.0.1.
/// </summary>
[Collection(OpenStackServersCollection.Name)]
public sealed class SwiftThroughShimTests(OpenStackServers servers)
{
    private const string Plugin = "community.openstack.org/openstack";

    [SkippableFact]
    public async Task Every_object_store_call_reaches_swift_with_keystone_authentication()
    {
        Skip.If(servers.Unavailable is not null, servers.Unavailable);
        using var probe = await SwiftProbe.KeystoneDemoAsync();
        var container = await probe.NewContainerAsync();
        var environment = ShimProcess.VeleroEnvironment();
        environment["OS_AUTH_URL"] = OpenStackServers.KeystoneUrl;
        environment["OS_USERNAME"] = KeystoneAdmin.DemoUser;
        environment["OS_PASSWORD"] = KeystoneAdmin.DemoPassword;
        environment["OS_PROJECT_NAME"] = "demo";
        environment["OS_USER_DOMAIN_NAME"] = "Default";
        environment["OS_PROJECT_DOMAIN_ID"] = "default";
        environment["OS_SWIFT_TEMP_URL_KEY"] = "account-key";
        using var shim = ShimProcess.Start(RepositoryPaths.ShimExecutable, environment, ShimProcess.VeleroServerFlags);
        var socket = (await shim.ReadStdoutLineAsync())!.Split('|')[3];
        using var channel = ShimServer.CreateChannel(socket);
        var store = new Generated.ObjectStore.ObjectStoreClient(channel);
        var body = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("velero backup contents ", 3000)));

        await store.InitAsync(new Generated.ObjectStoreInitRequest { Plugin = Plugin, Config = { ["bucket"] = container, ["prefix"] = "backups" } });
        using (var put = store.PutObject())
        {
            foreach (var chunk in body.Chunk(16384))
            {
                await put.RequestStream.WriteAsync(new Generated.PutObjectRequest { Plugin = Plugin, Bucket = container, Key = "backups/nightly/nightly.tar.gz", Body = ByteString.CopyFrom(chunk) });
            }

            await put.RequestStream.CompleteAsync();
            await put;
        }

        Assert.Equal(body, await probe.GetAsync(container, "backups/nightly/nightly.tar.gz"));
        Assert.True((await store.ObjectExistsAsync(new Generated.ObjectExistsRequest { Plugin = Plugin, Bucket = container, Key = "backups/nightly/nightly.tar.gz" })).Exists);
        Assert.Equal(["backups/nightly/nightly.tar.gz"], (await store.ListObjectsAsync(new Generated.ListObjectsRequest { Plugin = Plugin, Bucket = container, Prefix = "backups/nightly/" })).Keys);
        // Not recursive, as the original plugin (spec §4.3): one level down it is a pseudo-folder.
        Assert.Equal(["backups/nightly/"], (await store.ListObjectsAsync(new Generated.ListObjectsRequest { Plugin = Plugin, Bucket = container, Prefix = "backups/" })).Keys);
        Assert.Equal(["backups/nightly/"], (await store.ListCommonPrefixesAsync(new Generated.ListCommonPrefixesRequest { Plugin = Plugin, Bucket = container, Prefix = "backups/", Delimiter = "/" })).Prefixes);

        using var download = new MemoryStream();
        using (var get = store.GetObject(new Generated.GetObjectRequest { Plugin = Plugin, Bucket = container, Key = "backups/nightly/nightly.tar.gz" }))
        {
            await foreach (var chunk in get.ResponseStream.ReadAllAsync())
            {
                chunk.Data.WriteTo(download);
            }
        }

        Assert.Equal(body, download.ToArray());

        // TTL is a Go duration: nanoseconds. The URL is fetched through Swift's own tempurl middleware, with the
        // account key the engine's temp URL tests use too (the demo user may not set a container key).
        var signed = await store.CreateSignedURLAsync(new Generated.CreateSignedURLRequest { Plugin = Plugin, Bucket = container, Key = "backups/nightly/nightly.tar.gz", Ttl = 600_000_000_000 });
        await probe.SetMetadataAsync("", "X-Account-Meta-Temp-URL-Key", "account-key");
        using (var http = new HttpClient())
        {
            Assert.Equal(body, await http.GetByteArrayAsync(signed.Url));
        }

        await store.DeleteObjectAsync(new Generated.DeleteObjectRequest { Plugin = Plugin, Bucket = container, Key = "backups/nightly/nightly.tar.gz" });
        Assert.False((await store.ObjectExistsAsync(new Generated.ObjectExistsRequest { Plugin = Plugin, Bucket = container, Key = "backups/nightly/nightly.tar.gz" })).Exists);
        var missing = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            using var get = store.GetObject(new Generated.GetObjectRequest { Plugin = Plugin, Bucket = container, Key = "backups/nightly/nightly.tar.gz" });
            await get.ResponseStream.MoveNext();
        });
        Assert.Equal(StatusCode.Unknown, missing.StatusCode);
        Assert.DoesNotContain(KeystoneAdmin.DemoPassword, string.Join('\n', (await StopAsync(shim)).Stderr), StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string RestOfStdout, IReadOnlyList<string> Stderr)> StopAsync(ShimProcess shim)
    {
        shim.Signal("TERM");
        return await shim.WaitForExitAsync();
    }
}
