using VeleroOpenShift.Errors;

namespace VeleroOpenShift.OpenStack.Swift;

/// <summary>The account URL after OS_SWIFT_ACCOUNT_OVERRIDE and OS_SWIFT_ENDPOINT_OVERRIDE (spec §4.1 steps 4–5).</summary>
internal static class SwiftEndpoint
{
    public static Uri WithAccountOverride(Uri endpoint, string account, IReadOnlyList<string> resellerPrefixes)
    {
        var segments = endpoint.AbsolutePath.Split('/');
        foreach (var prefix in resellerPrefixes)
        {
            var index = Array.FindIndex(segments, s => s.StartsWith(prefix, StringComparison.Ordinal));
            if (index >= 0)
            {
                segments[index] = prefix + account;
            }
        }

        return new UriBuilder(endpoint) { Path = string.Join('/', segments) }.Uri;
    }

    // Deviation (spec §12): the reference uses the value verbatim, so one without a trailing slash built broken URLs.
    public static Uri Parse(string url) =>
        Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var parsed)
            ? parsed
            : throw new OpenStackException(FailureKind.InvalidConfiguration, "OS_SWIFT_ENDPOINT_OVERRIDE", $"failed to parse swift storage client endpoint: \"{url}\" is not an absolute URL");
}
