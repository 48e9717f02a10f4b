using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenStack.Auth;

namespace VeleroOpenShift.OpenStack.Cinder;

/// <summary>The VolumeSnapshotLocation config of the Cinder snapshotter (spec §5.1); an empty value counts as absent.</summary>
internal sealed record CinderSettings(
    string Region,
    CinderMethod Method,
    TimeSpan VolumeTimeout,
    TimeSpan SnapshotTimeout,
    TimeSpan CloneTimeout,
    TimeSpan BackupTimeout,
    TimeSpan ImageTimeout,
    bool EnsureDeleted,
    TimeSpan EnsureDeletedDelay,
    bool CascadeDelete,
    bool BackupIncremental,
    string ContainerName)
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    public static CinderSettings From(IReadOnlyDictionary<string, string> config, EnvironmentVariables environment)
    {
        ArgumentNullException.ThrowIfNull(config);
        string? Value(string key) => config.GetValueOrDefault(key) is { Length: > 0 } value ? value : null;

        return new CinderSettings(
            // OS_REGION_NAME wins even when set but empty (spec §3.10, §12 reproduce 1).
            Region: environment.Get("OS_REGION_NAME") ?? config.GetValueOrDefault("region", ""),
            Method: ParseMethod(Value("method")),
            VolumeTimeout: Duration("volumeTimeout", Value("volumeTimeout"), DefaultTimeout),
            SnapshotTimeout: Duration("snapshotTimeout", Value("snapshotTimeout"), DefaultTimeout),
            CloneTimeout: Duration("cloneTimeout", Value("cloneTimeout"), DefaultTimeout),
            BackupTimeout: Duration("backupTimeout", Value("backupTimeout"), DefaultTimeout),
            ImageTimeout: Duration("imageTimeout", Value("imageTimeout"), DefaultTimeout),
            EnsureDeleted: Boolean("ensureDeleted", Value("ensureDeleted")),
            EnsureDeletedDelay: Duration("ensureDeletedDelay", Value("ensureDeletedDelay"), TimeSpan.FromSeconds(10)),
            CascadeDelete: Boolean("cascadeDelete", Value("cascadeDelete")),
            BackupIncremental: Boolean("backupIncremental", Value("backupIncremental")),
            ContainerName: Value("containerName") ?? "");
    }

    /// <summary>The config value Velero users write for a method: "snapshot", "clone", "backup", "image".</summary>
    public static string ConfigName(CinderMethod method) => method.ToString().ToLowerInvariant();

    private static CinderMethod ParseMethod(string? text) => text switch
    {
        null or "snapshot" => CinderMethod.Snapshot,
        "clone" => CinderMethod.Clone,
        "backup" => CinderMethod.Backup,
        "image" => CinderMethod.Image,
        _ => throw Invalid("method", $"unsupported \"{text}\" snapshot method, supported methods: [\"snapshot\" \"clone\" \"backup\" \"image\"]"),
    };

    // Whole seconds, rounded half away from zero, as the reference converts them (spec §8.2).
    private static TimeSpan Duration(string key, string? text, TimeSpan fallback)
    {
        if (text is null)
        {
            return fallback;
        }

        return GoSyntax.TryParseDuration(text, out var value)
            ? TimeSpan.FromSeconds(Math.Round(value.TotalSeconds, MidpointRounding.AwayFromZero))
            : throw Invalid(key, $"cannot parse time from {key} config variable: time: invalid duration \"{text}\"");
    }

    private static bool Boolean(string key, string? text)
    {
        if (text is null)
        {
            return false;
        }

        return GoSyntax.TryParseBool(text, out var value)
            ? value
            : throw Invalid(key, $"cannot parse {key} config variable: strconv.ParseBool: parsing \"{text}\": invalid syntax");
    }

    private static OpenStackException Invalid(string key, string message) => new(FailureKind.InvalidConfiguration, key, message);
}
