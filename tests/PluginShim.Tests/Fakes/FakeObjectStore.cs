using System.Collections.Concurrent;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.PluginShim.Tests.Fakes;

/// <summary>An in-memory object store that records how it was called.</summary>
internal sealed class FakeObjectStore : IObjectStore
{
    private readonly ConcurrentDictionary<string, byte[]> _objects = new();

    public IReadOnlyDictionary<string, string>? Config { get; private set; }

    public int InitCount { get; private set; }

    /// <summary>Completed when an upload has read its first bytes (before the upload ends).</summary>
    public TaskCompletionSource FirstBytesRead { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The read sizes PutObjectAsync saw, one per ReadAsync call.</summary>
    public ConcurrentQueue<int> ReadSizes { get; } = new();

    public TimeSpan LastTimeToLive { get; private set; }

    public Task InitAsync(IReadOnlyDictionary<string, string> config, CancellationToken cancellationToken)
    {
        Config = config;
        InitCount++;
        return Task.CompletedTask;
    }

    public async Task PutObjectAsync(string bucket, string key, Stream body, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            ReadSizes.Enqueue(read);
            FirstBytesRead.TrySetResult();
            copy.Write(buffer, 0, read);
        }

        _objects[$"{bucket}/{key}"] = copy.ToArray();
    }

    public Task<bool> ObjectExistsAsync(string bucket, string key, CancellationToken cancellationToken) =>
        Task.FromResult(_objects.ContainsKey($"{bucket}/{key}"));

    public Task<Stream> GetObjectAsync(string bucket, string key, CancellationToken cancellationToken) =>
        _objects.TryGetValue($"{bucket}/{key}", out var data)
            ? Task.FromResult<Stream>(new MemoryStream(data, writable: false))
            : throw new InvalidInputException($"{bucket}/{key}", "no such object");

    public Task<IReadOnlyList<string>> ListCommonPrefixesAsync(string bucket, string prefix, string delimiter, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([.. Keys(bucket, prefix)
            .Select(k => k[prefix.Length..])
            .Where(rest => rest.Contains(delimiter, StringComparison.Ordinal))
            .Select(rest => prefix + rest[..(rest.IndexOf(delimiter, StringComparison.Ordinal) + delimiter.Length)])
            .Distinct()
            .Order(StringComparer.Ordinal)]);

    public Task<IReadOnlyList<string>> ListObjectsAsync(string bucket, string prefix, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([.. Keys(bucket, prefix).Order(StringComparer.Ordinal)]);

    public Task DeleteObjectAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        _objects.TryRemove($"{bucket}/{key}", out _);
        return Task.CompletedTask;
    }

    public Task<string> CreateSignedUrlAsync(string bucket, string key, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        LastTimeToLive = timeToLive;
        return Task.FromResult($"https://store.test/{bucket}/{key}?ttl={timeToLive.TotalSeconds}");
    }

    public byte[]? Stored(string bucket, string key) => _objects.TryGetValue($"{bucket}/{key}", out var data) ? data : null;

    public void Put(string bucket, string key, byte[] data) => _objects[$"{bucket}/{key}"] = data;

    private IEnumerable<string> Keys(string bucket, string prefix) =>
        _objects.Keys.Where(k => k.StartsWith(bucket + "/", StringComparison.Ordinal))
            .Select(k => k[(bucket.Length + 1)..])
            .Where(k => k.StartsWith(prefix, StringComparison.Ordinal));
}
