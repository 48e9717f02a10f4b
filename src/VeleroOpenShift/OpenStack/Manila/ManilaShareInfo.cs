using System.Globalization;

namespace VeleroOpenShift.OpenStack.Manila;

/// <summary>A Manila share as the module shows it.</summary>
/// <param name="ShareId">The share's id; named so that it binds to <c>-ShareId</c> parameters down the pipeline.</param>
/// <param name="SourceSnapshotId">
/// The snapshot the share was created from; null for a share created empty. Not "SnapshotId": a share piped into a
/// snapshot cmdlet must not bind to its source snapshot.
/// </param>
public sealed record ManilaShareInfo(
    string ShareId,
    string Name,
    string Status,
    int Size,
    string Protocol,
    string AvailabilityZone,
    string ShareType,
    string? SourceSnapshotId,
    IReadOnlyDictionary<string, string> Metadata,
    DateTimeOffset? CreatedAt)
{
    internal static ManilaShareInfo From(ManilaShare share) => new(
        share.Id,
        share.Name ?? "",
        share.Status ?? "",
        share.Size ?? 0,
        share.ShareProto ?? "",
        share.AvailabilityZone ?? "",
        share.ShareTypeName ?? share.VolumeType ?? "",
        share.SnapshotId,
        share.Metadata ?? [],
        ManilaDates.Parse(share.CreatedAt));
}

/// <summary>Manila writes UTC without a zone: 2026-11-23T06:02:11.162150.</summary>
internal static class ManilaDates
{
    public static DateTimeOffset? Parse(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value) ? value : null;
}
