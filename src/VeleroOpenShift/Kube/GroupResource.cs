namespace VeleroOpenShift.Kube;

/// <summary>
/// A Kubernetes resource within its API group, written like Velero writes it:
/// <c>deployments.apps</c>, or just <c>pods</c> for the core group.
/// </summary>
public readonly record struct GroupResource(string Group, string Resource)
{
    public override string ToString() => Group.Length == 0 ? Resource : $"{Resource}.{Group}";

    /// <summary>Splits <c>resource.group</c> at the first dot, the way Kubernetes parses a group-resource.</summary>
    public static GroupResource Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? new GroupResource(string.Empty, text) : new GroupResource(text[(dot + 1)..], text[..dot]);
    }

    /// <summary>The API group of an <c>apiVersion</c> value (<c>apps/v1</c> → <c>apps</c>, <c>v1</c> → core).</summary>
    public static string GroupOfApiVersion(string? apiVersion)
    {
        if (string.IsNullOrEmpty(apiVersion))
        {
            return string.Empty;
        }

        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? string.Empty : apiVersion[..slash];
    }
}
