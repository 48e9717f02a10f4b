using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using VeleroOpenShift.Errors;

namespace VeleroOpenShift.OpenStack.Swift;

/// <summary>Swift TempURL signatures (spec §4.5): HMAC over <c>&lt;method&gt;\n&lt;expires&gt;\n&lt;path&gt;</c>, clock injected.</summary>
internal static class TempUrlSigner
{
    /// <param name="objectUrl">The escaped object URL; the signature covers its unescaped path from <c>/v1/</c> on.</param>
    /// <param name="digest">OS_SWIFT_TEMP_URL_DIGEST: "" or sha1, sha256, sha512.</param>
    /// <param name="method">The one HTTP method the URL allows; Velero only ever needs GET.</param>
    public static string Sign(Uri objectUrl, string unescapedObjectUrl, TimeSpan timeToLive, string key, string digest, DateTimeOffset now, string method = "GET")
    {
        var expires = (now.ToUnixTimeSeconds() + (long)Math.Truncate(timeToLive.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var at = unescapedObjectUrl.IndexOf("/v1/", StringComparison.Ordinal);
        if (at < 0)
        {
            throw new OpenStackException(FailureKind.InvalidConfiguration, objectUrl.GetLeftPart(UriPartial.Path), "URL prefix \"/v1/\" not found");
        }

        var payload = Encoding.UTF8.GetBytes($"{method}\n{expires}\n{unescapedObjectUrl[at..]}");
        var keyBytes = Encoding.UTF8.GetBytes(key);
        var signature = digest switch
        {
            "" or "sha1" => HMACSHA1.HashData(keyBytes, payload),
            "sha256" => HMACSHA256.HashData(keyBytes, payload),
            "sha512" => HMACSHA512.HashData(keyBytes, payload),
            _ => throw new OpenStackException(FailureKind.InvalidConfiguration, "OS_SWIFT_TEMP_URL_DIGEST", $"The requested \"{digest}\" digest is not supported."),
        };
        return $"{objectUrl}?temp_url_sig={Convert.ToHexStringLower(signature)}&temp_url_expires={expires}";
    }
}
