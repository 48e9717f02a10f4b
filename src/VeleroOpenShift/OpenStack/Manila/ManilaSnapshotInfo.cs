namespace VeleroOpenShift.OpenStack.Manila;

/// <summary>A Manila share snapshot as the module shows it.</summary>
/// <param name="SnapshotId">The snapshot's id; named so that it binds to <c>-SnapshotId</c> parameters down the pipeline.</param>
/// <param name="ShareId">The share it was taken of.</param>
public sealed record ManilaSnapshotInfo(
    string SnapshotId,
    string Name,
    string Description,
    string Status,
    string ShareId,
    int Size,
    string Protocol,
    DateTimeOffset? CreatedAt)
{
    internal static ManilaSnapshotInfo From(ManilaSnapshot snapshot) => new(
        snapshot.Id,
        snapshot.Name ?? "",
        snapshot.Description ?? "",
        snapshot.Status ?? "",
        snapshot.ShareId ?? "",
        snapshot.Size ?? 0,
        snapshot.ShareProto ?? "",
        ManilaDates.Parse(snapshot.CreatedAt));
}
