namespace VeleroOpenShift.OpenShift.Cluster;

/// <summary>A resource of the Kubernetes API with the version the actions read it in.</summary>
public sealed record ApiResource(string Group, string Version, string Resource, bool Namespaced)
{
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The REST path of the collection (<paramref name="ns"/> ignored for cluster-scoped resources).</summary>
    public string CollectionPath(string? ns)
    {
        var root = Group.Length == 0 ? $"/api/{Version}" : $"/apis/{Group}/{Version}";
        return Namespaced && !string.IsNullOrEmpty(ns)
            ? $"{root}/namespaces/{Uri.EscapeDataString(ns)}/{Resource}"
            : $"{root}/{Resource}";
    }

    public string ObjectPath(string? ns, string name) => $"{CollectionPath(ns)}/{Uri.EscapeDataString(name)}";

    /// <summary>How an object of this resource is named in messages: <c>resource.group/ns/name</c>.</summary>
    public string Describe(string? ns, string? name)
    {
        var resource = Group.Length == 0 ? Resource : $"{Resource}.{Group}";
        var scope = Namespaced && !string.IsNullOrEmpty(ns) ? $"/{ns}" : string.Empty;
        return name is null ? $"{resource}{scope}" : $"{resource}{scope}/{name}";
    }

    public override string ToString() => Describe(null, null);
}
