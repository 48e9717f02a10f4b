using System.Text.Json.Serialization;

namespace VeleroOpenShift.OpenStack.Swift;

/// <summary>One entry of a JSON container listing: an object, or a pseudo-directory when a delimiter was given.</summary>
internal sealed record SwiftListingEntry(string? Name, string? Subdir, long? Bytes, string? Hash, string? LastModified = null, string? ContentType = null);

/// <summary>One entry of a JSON account listing: a container with its object count and bytes.</summary>
internal sealed record SwiftContainerEntry(string Name, long Count, long Bytes, string? LastModified);

/// <summary>One segment in a Static Large Object manifest (<c>?multipart-manifest=put</c>).</summary>
internal sealed record SloSegment(string Path, string Etag, [property: JsonPropertyName("size_bytes")] long SizeBytes);

/// <summary>Swift's report for <c>?multipart-manifest=delete</c> (the bulk middleware's format).</summary>
internal sealed record BulkDeleteResult(
    [property: JsonPropertyName("Number Deleted")] int NumberDeleted,
    [property: JsonPropertyName("Number Not Found")] int NumberNotFound,
    [property: JsonPropertyName("Response Status")] string? ResponseStatus,
    [property: JsonPropertyName("Response Body")] string? ResponseBody,
    [property: JsonPropertyName("Errors")] IReadOnlyList<IReadOnlyList<string>>? Errors);
