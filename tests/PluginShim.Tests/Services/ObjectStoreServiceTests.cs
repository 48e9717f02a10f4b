using Google.Protobuf;
using Grpc.Core;
using VeleroOpenShift.PluginShim.Protos.Generated;
using VeleroOpenShift.PluginShim.Services;
using VeleroOpenShift.PluginShim.Tests.Fakes;
using VeleroOpenShift.PluginShim.Tests.Infrastructure;
using Xunit;

namespace VeleroOpenShift.PluginShim.Tests.Services;

public sealed class ObjectStoreServiceTests : IAsyncLifetime
{
    private const string Bucket = "velero";
    private readonly FakeObjectStore _store = new();
    private ShimServer _server = null!;
    private ObjectStore.ObjectStoreClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await ShimServer.StartAsync(TestCatalog.Create(_store));
        _client = new ObjectStore.ObjectStoreClient(_server.Channel);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task InitMayBeRepeatedAndTheLatestConfigurationWins()
    {
        await _client.InitAsync(Init(("bucket", "one")));
        await _client.InitAsync(Init(("bucket", "two"), ("prefix", "p")));

        Assert.Equal(2, _store.InitCount);
        Assert.Equal("two", _store.Config!["bucket"]);
        Assert.Equal("p", _store.Config["prefix"]);
    }

    [Fact]
    public async Task PutObjectHandsTheBodyToTheStoreWhileItIsStillArriving()
    {
        using var call = _client.PutObject();
        await call.RequestStream.WriteAsync(Chunk("backups/a.tar.gz", [1, 2, 3]));

        // The store reads the first chunk before the upload has ended: nothing waits for the whole object.
        await _store.FirstBytesRead.Task;
        await call.RequestStream.WriteAsync(Chunk("backups/a.tar.gz", []));
        await call.RequestStream.WriteAsync(Chunk("backups/a.tar.gz", [4, 5]));
        await call.RequestStream.CompleteAsync();
        await call.ResponseAsync;

        Assert.Equal([1, 2, 3, 4, 5], _store.Stored(Bucket, "backups/a.tar.gz"));
    }

    [Fact]
    public async Task AnUploadLargerThanKestrelsDefaultBodyLimitGoesThrough()
    {
        // Velero sends 16 KiB per message; 40 MiB is above Kestrel's 30 MB default request body limit.
        const int ChunkBytes = 16 * 1024;
        const int Chunks = 40 * 64;
        using var call = _client.PutObject();
        var chunk = new byte[ChunkBytes];
        for (var i = 0; i < Chunks; i++)
        {
            chunk[0] = (byte)i;
            await call.RequestStream.WriteAsync(Chunk("large", chunk));
        }

        await call.RequestStream.CompleteAsync();
        await call.ResponseAsync;

        var stored = _store.Stored(Bucket, "large")!;
        Assert.Equal(ChunkBytes * Chunks, stored.Length);
        Assert.Equal(unchecked((byte)(Chunks - 1)), stored[(Chunks - 1) * ChunkBytes]);
    }

    [Fact]
    public async Task AnEmptyPutObjectStreamGetsAnErrorNotAHang()
    {
        using var call = _client.PutObject();
        await call.RequestStream.CompleteAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(StatusCode.Unknown, error.StatusCode);
        Assert.Contains("ended before its first message", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChunkForAnotherObjectInTheMiddleOfAnUploadIsRefused()
    {
        using var call = _client.PutObject();
        await call.RequestStream.WriteAsync(Chunk("a", [1]));
        await call.RequestStream.WriteAsync(Chunk("b", [2]));
        await call.RequestStream.CompleteAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Contains("velero/a", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("a PutObject message for velero/b (plugin test.io/store) arrived in the middle of this upload", error.Status.Detail, StringComparison.Ordinal);
        Assert.Null(_store.Stored(Bucket, "a"));
    }

    [Fact]
    public async Task GetObjectStreamsChunksOfAtMostOneMebibyte()
    {
        var data = new byte[(3 * ObjectStoreService.MaxChunkBytes) + 12345];
        new Random(7).NextBytes(data);
        _store.Put(Bucket, "big", data);

        using var call = _client.GetObject(new GetObjectRequest { Plugin = TestCatalog.ObjectStore, Bucket = Bucket, Key = "big" });
        var chunks = new List<byte[]>();
        await foreach (var chunk in call.ResponseStream.ReadAllAsync())
        {
            chunks.Add(chunk.Data.ToByteArray());
        }

        Assert.True(chunks.Count >= 4);
        Assert.All(chunks, c => Assert.InRange(c.Length, 1, ObjectStoreService.MaxChunkBytes));
        Assert.Equal(data, chunks.SelectMany(c => c).ToArray());
    }

    [Fact]
    public async Task GetObjectOfAMissingObjectEndsWithAnErrorStatus()
    {
        using var call = _client.GetObject(new GetObjectRequest { Plugin = TestCatalog.ObjectStore, Bucket = Bucket, Key = "missing" });

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.Unknown, error.StatusCode);
        Assert.Equal($"ObjectStore plugin {TestCatalog.ObjectStore}: velero/missing: no such object", error.Status.Detail);
    }

    [Fact]
    public async Task ListingExistenceDeletionAndSignedUrlsReachTheStore()
    {
        _store.Put(Bucket, "backups/one/a", [1]);
        _store.Put(Bucket, "backups/one/b", [1]);
        _store.Put(Bucket, "backups/two/a", [1]);

        var prefixes = await _client.ListCommonPrefixesAsync(new ListCommonPrefixesRequest { Plugin = TestCatalog.ObjectStore, Bucket = Bucket, Prefix = "backups/", Delimiter = "/" });
        var keys = await _client.ListObjectsAsync(new ListObjectsRequest { Plugin = TestCatalog.ObjectStore, Bucket = Bucket, Prefix = "backups/one/" });
        var existsBefore = await _client.ObjectExistsAsync(new ObjectExistsRequest { Plugin = TestCatalog.ObjectStore, Bucket = Bucket, Key = "backups/two/a" });
        await _client.DeleteObjectAsync(new DeleteObjectRequest { Plugin = TestCatalog.ObjectStore, Bucket = Bucket, Key = "backups/two/a" });
        var existsAfter = await _client.ObjectExistsAsync(new ObjectExistsRequest { Plugin = TestCatalog.ObjectStore, Bucket = Bucket, Key = "backups/two/a" });
        var signed = await _client.CreateSignedURLAsync(new CreateSignedURLRequest { Plugin = TestCatalog.ObjectStore, Bucket = Bucket, Key = "backups/one/a", Ttl = 600_000_000_000 });

        Assert.Equal(["backups/one/", "backups/two/"], prefixes.Prefixes);
        Assert.Equal(["backups/one/a", "backups/one/b"], keys.Keys);
        Assert.True(existsBefore.Exists);
        Assert.False(existsAfter.Exists);
        Assert.Equal(TimeSpan.FromMinutes(10), _store.LastTimeToLive);
        Assert.StartsWith("https://store.test/velero/backups/one/a", signed.Url, StringComparison.Ordinal);
    }

    private static ObjectStoreInitRequest Init(params (string Key, string Value)[] config)
    {
        var request = new ObjectStoreInitRequest { Plugin = TestCatalog.ObjectStore };
        foreach (var (key, value) in config)
        {
            request.Config.Add(key, value);
        }

        return request;
    }

    private static PutObjectRequest Chunk(string key, byte[] body) =>
        new() { Plugin = TestCatalog.ObjectStore, Bucket = Bucket, Key = key, Body = ByteString.CopyFrom(body) };
}
