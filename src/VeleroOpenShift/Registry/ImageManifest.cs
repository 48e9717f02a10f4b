using System.Security.Cryptography;
using System.Text.Json;
using VeleroOpenShift.Errors;

namespace VeleroOpenShift.Registry;

/// <summary>
/// A manifest exactly as the registry served it (the bytes are what the digest covers, so they are never
/// re-serialised), with what a copy needs from it: the child manifests of an index or manifest list, or the config
/// and layer blobs of an image manifest.
/// </summary>
public sealed class ImageManifest
{
    private ImageManifest(byte[] bytes, string mediaType, string digest, IReadOnlyList<Descriptor> children, IReadOnlyList<Descriptor> blobs)
    {
        Bytes = bytes;
        MediaType = mediaType;
        Digest = digest;
        Children = children;
        Blobs = blobs;
    }

    public byte[] Bytes { get; }

    public string MediaType { get; }

    /// <summary>SHA-256 of <see cref="Bytes"/>, <c>sha256:&lt;hex&gt;</c>.</summary>
    public string Digest { get; }

    public bool IsIndex => ManifestMediaTypes.IsIndex(MediaType);

    /// <summary>The platform manifests of an index or manifest list; empty for an image manifest.</summary>
    public IReadOnlyList<Descriptor> Children { get; }

    /// <summary>The config and layer blobs of an image manifest, in manifest order; empty for an index.</summary>
    public IReadOnlyList<Descriptor> Blobs { get; }

    public static string DigestOf(ReadOnlySpan<byte> bytes) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>
    /// Parses a manifest. <paramref name="contentType"/> is the type the registry declared (or null); the document's own
    /// <c>mediaType</c> wins over it, and an OCI document with neither is told apart by its fields.
    /// </summary>
    public static ImageManifest Parse(byte[] bytes, string? contentType, string image)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(image, "is not a JSON object");
            }

            var mediaType = root.TryGetProperty("mediaType", out var declared) && declared.ValueKind == JsonValueKind.String
                ? declared.GetString()!
                : contentType is { Length: > 0 } && contentType != "application/json" && contentType != "text/plain" ? contentType
                : root.TryGetProperty("manifests", out _) ? ManifestMediaTypes.OciIndex
                : ManifestMediaTypes.OciManifest;
            if (ManifestMediaTypes.IsSchema1(mediaType) || (root.TryGetProperty("schemaVersion", out var version) && version.ValueKind == JsonValueKind.Number && version.GetInt32() == 1))
            {
                throw new RegistryException(FailureKind.NotSupported, image, "manifest", "is a Docker schema 1 manifest, which is not copied (spec §7.5)");
            }

            if (ManifestMediaTypes.IsIndex(mediaType))
            {
                return new ImageManifest(bytes, mediaType, DigestOf(bytes), Descriptors(root, "manifests", image), []);
            }

            if (!ManifestMediaTypes.IsImage(mediaType))
            {
                throw new RegistryException(FailureKind.NotSupported, image, "manifest", $"has media type '{mediaType}', which is not an image manifest or index");
            }

            var config = root.TryGetProperty("config", out var configElement)
                ? ToDescriptor(configElement, "config", image)
                : throw Invalid(image, "has no config");
            List<Descriptor> blobs = [config];
            blobs.AddRange(Descriptors(root, "layers", image).Where(layer => !ManifestMediaTypes.IsNonDistributable(layer.MediaType)));
            return new ImageManifest(bytes, mediaType, DigestOf(bytes), [], blobs);
        }
        catch (JsonException e)
        {
            throw new RegistryException(FailureKind.InvalidData, image, "manifest", "is not valid JSON: " + e.Message, innerException: e);
        }
    }

    private static List<Descriptor> Descriptors(JsonElement root, string property, string image)
    {
        if (!root.TryGetProperty(property, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            throw Invalid(image, $"has no '{property}' array");
        }

        return [.. array.EnumerateArray().Select((element, i) => ToDescriptor(element, $"{property}[{i}]", image))];
    }

    private static Descriptor ToDescriptor(JsonElement element, string path, string image)
    {
        if (element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty("digest", out var digest) || digest.ValueKind != JsonValueKind.String
            || !element.TryGetProperty("size", out var size) || size.ValueKind != JsonValueKind.Number)
        {
            throw Invalid(image, $"{path} needs a digest and a size");
        }

        var text = digest.GetString()!;
        if (!ImageReference.DigestPattern().IsMatch(text))
        {
            throw new RegistryException(FailureKind.NotSupported, image, "manifest", $"{path} has digest '{text}'; only sha256 digests are supported");
        }

        var mediaType = element.TryGetProperty("mediaType", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString()! : string.Empty;
        return new Descriptor(mediaType, text, size.GetInt64());
    }

    private static RegistryException Invalid(string image, string problem) => new(FailureKind.InvalidData, image, "manifest", problem);
}
