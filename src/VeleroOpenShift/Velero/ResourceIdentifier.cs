namespace VeleroOpenShift.Velero;

/// <summary>
/// Names another Kubernetes object an action wants backed up or restored with the current item.
/// <see cref="Group"/> has no version (<c>""</c> for core); <see cref="Resource"/> is the lowercase plural.
/// </summary>
public sealed record ResourceIdentifier(string Group, string Resource, string Namespace, string Name)
{
    public override string ToString() =>
        (Group.Length == 0 ? Resource : $"{Resource}.{Group}") + (Namespace.Length == 0 ? $"/{Name}" : $"/{Namespace}/{Name}");
}
