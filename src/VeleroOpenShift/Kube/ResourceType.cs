namespace VeleroOpenShift.Kube;

/// <summary>What discovery would say about one resource: its group, kind, names and scope.</summary>
public sealed record ResourceType(
    string Group,
    string Kind,
    string Plural,
    bool Namespaced,
    params string[] ShortNames)
{
    public GroupResource GroupResource => new(Group, Plural);

    public string Singular => Kind.ToLowerInvariant();
}
