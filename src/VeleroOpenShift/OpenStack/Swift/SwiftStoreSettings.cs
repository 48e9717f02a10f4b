using System.Globalization;
using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenStack.Auth;
using VeleroOpenShift.OpenStack.Http;

namespace VeleroOpenShift.OpenStack.Swift;

/// <summary>
/// The object store's settings from the location config and the environment. Besides the reference's keys
/// (<c>cloud</c>, <c>region</c>) this module reads <c>segmentSize</c>, <c>segmentContainer</c>, <c>interface</c>,
/// <c>stallTimeout</c> and <c>maxAttempts</c>; absent, they leave the reference's behaviour for objects below 1 GiB.
/// </summary>
internal sealed record SwiftStoreSettings(
    string Region,
    string EndpointInterface,
    long SegmentSize,
    string? SegmentContainer,
    RetrySettings Retry,
    string TempUrlDigest,
    string TempUrlKey,
    string AccountOverride,
    IReadOnlyList<string> ResellerPrefixes,
    string EndpointOverride)
{
    /// <summary>1 GiB: far below Swift's default 5 GiB object limit, and few enough segments for a 1 TiB backup (Swift allows 1000).</summary>
    public const long DefaultSegmentSize = 1L << 30;

    public static SwiftStoreSettings From(IReadOnlyDictionary<string, string> config, EnvironmentVariables environment)
    {
        var retry = RetrySettings.Default;
        if (config.TryGetValue("stallTimeout", out var stall))
        {
            retry = retry with { StallTimeout = PositiveDuration("stallTimeout", stall) };
        }

        if (config.TryGetValue("maxAttempts", out var attempts))
        {
            retry = retry with { MaxAttempts = (int)PositiveNumber("maxAttempts", attempts) };
        }

        return new SwiftStoreSettings(
            Region: environment.Get("OS_SWIFT_REGION_NAME") ?? environment.Get("OS_REGION_NAME") ?? config.GetValueOrDefault("region", ""),
            EndpointInterface: config.GetValueOrDefault("interface") is { Length: > 0 } endpointInterface ? endpointInterface : "public",
            SegmentSize: config.TryGetValue("segmentSize", out var size) ? PositiveNumber("segmentSize", size) : DefaultSegmentSize,
            SegmentContainer: config.GetValueOrDefault("segmentContainer") is { Length: > 0 } segments ? segments : null,
            Retry: retry,
            TempUrlDigest: environment.Get("OS_SWIFT_TEMP_URL_DIGEST") ?? "",
            TempUrlKey: environment.Get("OS_SWIFT_TEMP_URL_KEY") ?? "",
            AccountOverride: environment.Get("OS_SWIFT_ACCOUNT_OVERRIDE") ?? "",
            ResellerPrefixes: (environment.NonEmpty("OS_SWIFT_RESELLER_PREFIXES") ?? "AUTH_").Split(',', StringSplitOptions.RemoveEmptyEntries),
            EndpointOverride: environment.Get("OS_SWIFT_ENDPOINT_OVERRIDE") ?? "");
    }

    /// <summary>Where segments of <paramref name="container"/>'s large objects go: outside it, so Velero's listings never see them.</summary>
    public string SegmentContainerFor(string container) => SegmentContainer ?? container + "_segments";

    private static long PositiveNumber(string key, string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new InvalidConfigurationException(key, $"\"{text}\" is not a positive whole number");

    private static TimeSpan PositiveDuration(string key, string text) =>
        GoSyntax.TryParseDuration(text, out var value) && value > TimeSpan.Zero
            ? value
            : throw new InvalidConfigurationException(key, $"\"{text}\" is not a positive duration such as 30s or 2m");
}
