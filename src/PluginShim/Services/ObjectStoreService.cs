using System.Buffers;
using Google.Protobuf;
using Grpc.Core;
using VeleroOpenShift.Errors;
using VeleroOpenShift.PluginShim.Dispatch;
using VeleroOpenShift.PluginShim.Protos.Generated;
using VeleroOpenShift.PluginShim.Streaming;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.PluginShim.Services;

/// <summary><c>generated.ObjectStore</c> (kind ObjectStore, spec §6.11). Bodies are streamed both ways.</summary>
internal sealed class ObjectStoreService(PluginDispatcher dispatcher) : ObjectStore.ObjectStoreBase
{
    /// <summary>Largest GetObject message; small enough for any host's default limit, large enough to be cheap.</summary>
    internal const int MaxChunkBytes = 1024 * 1024;

    private const PluginKind Kind = PluginKind.ObjectStore;

    public override Task<Empty> Init(ObjectStoreInitRequest request, ServerCallContext context) =>
        dispatcher.Run<IObjectStore, Empty>(Kind, request.Plugin, context, async (store, cancellationToken) =>
        {
            // Velero re-sends Init for every handle it obtains; the latest configuration wins.
            await store.InitAsync(new Dictionary<string, string>(request.Config), cancellationToken).ConfigureAwait(false);
            return new Empty();
        });

    public override Task<Empty> PutObject(IAsyncStreamReader<PutObjectRequest> requestStream, ServerCallContext context) =>
        dispatcher.Guard(Kind, pluginName: null, context, async () =>
        {
            // A zero-length upload arrives as a stream without messages, so bucket and key are unknown: refuse, as Go plugins do.
            if (!await requestStream.MoveNext(context.CancellationToken).ConfigureAwait(false))
            {
                throw new InvalidInputException("PutObject", "the request stream ended before its first message, so the plugin, bucket and key are unknown");
            }

            var first = requestStream.Current;
            return await dispatcher.Run<IObjectStore, Empty>(Kind, first.Plugin, context, async (store, cancellationToken) =>
            {
                await using var body = new PutObjectBodyStream(requestStream, first);
                await store.PutObjectAsync(first.Bucket, first.Key, body, cancellationToken).ConfigureAwait(false);
                if (await body.ReadAsync(new byte[1], cancellationToken).ConfigureAwait(false) != 0)
                {
                    throw new InvalidOperationException($"the object store finished {first.Bucket}/{first.Key} before reading the whole body");
                }

                return new Empty();
            }).ConfigureAwait(false);
        });

    public override Task<ObjectExistsResponse> ObjectExists(ObjectExistsRequest request, ServerCallContext context) =>
        dispatcher.Run<IObjectStore, ObjectExistsResponse>(Kind, request.Plugin, context, async (store, cancellationToken) =>
            new ObjectExistsResponse { Exists = await store.ObjectExistsAsync(request.Bucket, request.Key, cancellationToken).ConfigureAwait(false) });

    public override Task GetObject(GetObjectRequest request, IServerStreamWriter<Bytes> responseStream, ServerCallContext context) =>
        dispatcher.Run<IObjectStore, bool>(Kind, request.Plugin, context, async (store, cancellationToken) =>
        {
            var source = await store.GetObjectAsync(request.Bucket, request.Key, cancellationToken).ConfigureAwait(false);
            await using (source.ConfigureAwait(false))
            {
                var buffer = ArrayPool<byte>.Shared.Rent(MaxChunkBytes);
                try
                {
                    int read;
                    // Full messages: an HTTP body hands out a few KiB per read, and every message costs a frame and a flush.
                    while ((read = await source.ReadAtLeastAsync(buffer.AsMemory(0, MaxChunkBytes), MaxChunkBytes, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        await responseStream.WriteAsync(new Bytes { Data = ByteString.CopyFrom(buffer, 0, read) }, cancellationToken).ConfigureAwait(false);
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }

            return true;
        });

    public override Task<ListCommonPrefixesResponse> ListCommonPrefixes(ListCommonPrefixesRequest request, ServerCallContext context) =>
        dispatcher.Run<IObjectStore, ListCommonPrefixesResponse>(Kind, request.Plugin, context, async (store, cancellationToken) =>
        {
            var response = new ListCommonPrefixesResponse();
            response.Prefixes.Add(await store.ListCommonPrefixesAsync(request.Bucket, request.Prefix, request.Delimiter, cancellationToken).ConfigureAwait(false));
            return response;
        });

    public override Task<ListObjectsResponse> ListObjects(ListObjectsRequest request, ServerCallContext context) =>
        dispatcher.Run<IObjectStore, ListObjectsResponse>(Kind, request.Plugin, context, async (store, cancellationToken) =>
        {
            var response = new ListObjectsResponse();
            response.Keys.Add(await store.ListObjectsAsync(request.Bucket, request.Prefix, cancellationToken).ConfigureAwait(false));
            return response;
        });

    public override Task<Empty> DeleteObject(DeleteObjectRequest request, ServerCallContext context) =>
        dispatcher.Run<IObjectStore, Empty>(Kind, request.Plugin, context, async (store, cancellationToken) =>
        {
            await store.DeleteObjectAsync(request.Bucket, request.Key, cancellationToken).ConfigureAwait(false);
            return new Empty();
        });

    public override Task<CreateSignedURLResponse> CreateSignedURL(CreateSignedURLRequest request, ServerCallContext context) =>
        dispatcher.Run<IObjectStore, CreateSignedURLResponse>(Kind, request.Plugin, context, async (store, cancellationToken) =>
        {
            // ttl is a Go time.Duration: nanoseconds. One tick is 100 ns.
            var timeToLive = TimeSpan.FromTicks(request.Ttl / TimeSpan.NanosecondsPerTick);
            return new CreateSignedURLResponse { Url = await store.CreateSignedUrlAsync(request.Bucket, request.Key, timeToLive, cancellationToken).ConfigureAwait(false) };
        });
}
