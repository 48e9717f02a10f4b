namespace VeleroOpenShift.OpenStack.Manila;

// Manila shared file system API v2 bodies, only the fields this module reads or sends (names per the API reference).

internal sealed record ShareEnvelope(ManilaShare? Share);

internal sealed record ShareList(IReadOnlyList<ManilaShare>? Shares);

internal sealed record ManilaShare(
    string Id,
    string? Name,
    string? Description,
    string? Status,
    int? Size,
    string? ShareProto,
    string? AvailabilityZone,
    Dictionary<string, string>? Metadata,
    string? VolumeType,
    string? ShareTypeName,
    string? SnapshotId,
    string? CreatedAt);

internal sealed record NewShareEnvelope(NewShare Share);

internal sealed record NewShare(
    string ShareProto,
    int Size,
    string? AvailabilityZone,
    string Name,
    string Description,
    string? SnapshotId,
    IReadOnlyDictionary<string, string>? Metadata);

internal sealed record SnapshotEnvelope(ManilaSnapshot? Snapshot);

internal sealed record SnapshotList(IReadOnlyList<ManilaSnapshot>? Snapshots);

internal sealed record ManilaSnapshot(
    string Id,
    string? Name,
    string? Description,
    string? Status,
    string? ShareId,
    int? Size,
    string? ShareProto,
    string? CreatedAt);

internal sealed record NewSnapshotEnvelope(NewSnapshot Snapshot);

internal sealed record NewSnapshot(string ShareId, string Name, string Description);

internal sealed record AccessRuleList(IReadOnlyList<AccessRule>? AccessList);

internal sealed record AccessRule(string Id, string? AccessType, string? AccessTo, string? AccessLevel);

internal sealed record AccessEnvelope(AccessRule? Access);

internal sealed record AllowAccessEnvelope(AllowAccess AllowAccess);

internal sealed record AllowAccess(string? AccessType, string? AccessTo, string? AccessLevel);

internal sealed record ReplicaEnvelope(ShareReplica? ShareReplica);

internal sealed record ReplicaList(IReadOnlyList<ShareReplica>? ShareReplicas);

internal sealed record ShareReplica(string Id, string? ShareId, string? Status, string? ReplicaState, string? AvailabilityZone);

internal sealed record NewReplicaEnvelope(NewReplica ShareReplica);

internal sealed record NewReplica(string ShareId, string AvailabilityZone);

/// <summary><c>GET /v2/</c>: <c>{"versions":[{"id":"v2.0","version":"2.81","min_version":"2.0",…}]}</c>.</summary>
internal sealed record ManilaVersions(IReadOnlyList<ManilaVersion>? Versions);

internal sealed record ManilaVersion(string? Id, string? Version, string? MinVersion);
