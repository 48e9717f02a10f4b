using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenStack.Auth;

namespace VeleroOpenShift.OpenStack.Manila;

/// <summary>
/// The Manila VolumeSnapshotLocation config (spec §6.1) with the reference's defaults and error texts. Empty values
/// count as absent. Durations are whole seconds, as the reference rounds them (spec §8.2).
/// </summary>
internal sealed record ManilaSettings(
    string Region,
    string Driver,
    ManilaMethod Method,
    TimeSpan ShareTimeout,
    TimeSpan SnapshotTimeout,
    TimeSpan CloneTimeout,
    TimeSpan ReplicaTimeout,
    bool EnsureDeleted,
    TimeSpan EnsureDeletedDelay,
    bool CascadeDelete,
    bool EnforceAz)
{
    public const string DefaultDriver = "nfs.manila.csi.openstack.org";

    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    public static ManilaSettings From(IReadOnlyDictionary<string, string> config, EnvironmentVariables environment)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(environment);
        return new ManilaSettings(
            // OS_REGION_NAME wins even when empty (spec §3.10, §12 reproduction 1).
            Region: environment.Get("OS_REGION_NAME") ?? Value(config, "region") ?? "",
            Driver: Value(config, "driver") ?? DefaultDriver,
            Method: ParseMethod(Value(config, "method")),
            ShareTimeout: Duration(config, "shareTimeout", DefaultTimeout),
            SnapshotTimeout: Duration(config, "snapshotTimeout", DefaultTimeout),
            CloneTimeout: Duration(config, "cloneTimeout", DefaultTimeout),
            ReplicaTimeout: Duration(config, "replicaTimeout", DefaultTimeout),
            EnsureDeleted: Boolean(config, "ensureDeleted"),
            EnsureDeletedDelay: Duration(config, "ensureDeletedDelay", TimeSpan.FromSeconds(10)),
            CascadeDelete: Boolean(config, "cascadeDelete"),
            EnforceAz: Boolean(config, "enforceAZ"));
    }

    private static string? Value(IReadOnlyDictionary<string, string> config, string key) =>
        config.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    private static ManilaMethod ParseMethod(string? text) => text switch
    {
        null or "snapshot" => ManilaMethod.Snapshot,
        "clone" => ManilaMethod.Clone,
        _ => throw new OpenStackException(FailureKind.InvalidConfiguration, "method", $"unsupported \"{text}\" snapshot method, supported methods: [\"snapshot\" \"clone\"]"),
    };

    private static TimeSpan Duration(IReadOnlyDictionary<string, string> config, string key, TimeSpan fallback)
    {
        if (Value(config, key) is not { } text)
        {
            return fallback;
        }

        if (!GoSyntax.TryParseDuration(text, out var value))
        {
            throw new OpenStackException(FailureKind.InvalidConfiguration, key, $"cannot parse time from {key} config variable: time: invalid duration {Quote(text)}");
        }

        return TimeSpan.FromSeconds(Math.Round(value.TotalSeconds, MidpointRounding.AwayFromZero));
    }

    private static bool Boolean(IReadOnlyDictionary<string, string> config, string key)
    {
        if (Value(config, key) is not { } text)
        {
            return false;
        }

        return GoSyntax.TryParseBool(text, out var value)
            ? value
            : throw new OpenStackException(FailureKind.InvalidConfiguration, key, $"cannot parse {key} config variable: strconv.ParseBool: parsing {Quote(text)}: invalid syntax");
    }

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
