using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace VeleroOpenShift.OpenStack.Glance;

/// <summary>
/// The JSON patch that gives an image uploaded from a volume the properties of the image the volume was made from
/// (spec §5.4 image step 4), so a volume restored from it boots like the original.
/// </summary>
internal static class ImageProperties
{
    // Glance computes or owns these; copying them would be refused or wrong.
    private static readonly HashSet<string> NotCopied = new(StringComparer.Ordinal)
    {
        "direct_url", "boot_roles", "os_hash_algo", "os_hash_value", "checksum", "size",
        "container_format", "disk_format", "image_id", "min_disk", "min_ram",
    };

    public static JsonArray Patch(long volumeSizeGiB, IReadOnlyDictionary<string, string>? volumeImageMetadata, ILogger logger)
    {
        var operations = new JsonArray(Operation("replace", "min_disk", volumeSizeGiB));
        var metadata = volumeImageMetadata ?? new Dictionary<string, string>();
        if (metadata.TryGetValue("min_ram", out var minRam))
        {
            if (int.TryParse(minRam, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ram))
            {
                operations.Add(Operation("replace", "min_ram", ram));
            }
            else
            {
                logger.LogWarning("Cannot convert \"{MinRam}\" to integer", minRam);
            }
        }

        foreach (var (key, value) in metadata.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (value.Length > 0 && !NotCopied.Contains(key))
            {
                operations.Add(Operation("add", key, value));
            }
        }

        return operations;
    }

    // The path is a JSON pointer (RFC 6901): "~" and "/" in a property name are escaped.
    private static JsonNode Operation(string op, string property, JsonNode value) =>
        new JsonObject { ["op"] = op, ["path"] = "/" + property.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal), ["value"] = value };
}
