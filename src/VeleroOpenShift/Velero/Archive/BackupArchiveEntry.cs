using System.Text.Json.Nodes;

namespace VeleroOpenShift.Velero.Archive;

/// <summary>
/// One Kubernetes object read from a Velero backup tarball.
/// <see cref="Resource"/> is the folder name Velero used: the group-resource (<c>deployments.apps</c>, <c>pods</c>).
/// <see cref="ApiVersionFolder"/> is null for the classic layout, else the version folder
/// (<c>v1-preferredversion</c>, <c>v2beta2</c>) of format 1.1.
/// </summary>
public sealed record BackupArchiveEntry(
    string Resource,
    string? Namespace,
    string Name,
    string? ApiVersionFolder,
    string Path,
    JsonObject Item)
{
    public bool IsClusterScoped => Namespace is null;
}
