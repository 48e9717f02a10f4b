namespace VeleroOpenShift.OpenShift.Cluster;

/// <summary>
/// Entries not touched for <see cref="Lifetime"/> are evicted; eviction runs at most once per lifetime,
/// triggered by any access (spec §3.3). Thread-safe.
/// </summary>
internal sealed class ExpiringCache<TValue>
    where TValue : class
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly TimeProvider _time;
    private readonly Dictionary<string, (TValue Value, DateTimeOffset Touched)> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private DateTimeOffset _lastEviction;

    public ExpiringCache(TimeProvider time)
    {
        _time = time;
        _lastEviction = time.GetUtcNow();
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    public bool TryGet(string key, out TValue? value)
    {
        lock (_lock)
        {
            var now = Evict();
            if (_entries.TryGetValue(key, out var entry))
            {
                _entries[key] = (entry.Value, now);
                value = entry.Value;
                return true;
            }

            value = null;
            return false;
        }
    }

    public void Set(string key, TValue value)
    {
        lock (_lock)
        {
            _entries[key] = (value, Evict());
        }
    }

    private DateTimeOffset Evict()
    {
        var now = _time.GetUtcNow();
        if (now - _lastEviction < Lifetime)
        {
            return now;
        }

        _lastEviction = now;
        foreach (var key in _entries.Where(e => now - e.Value.Touched >= Lifetime).Select(e => e.Key).ToList())
        {
            _entries.Remove(key);
        }

        return now;
    }
}
