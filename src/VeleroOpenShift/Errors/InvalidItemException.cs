using VeleroOpenShift.Kube;

namespace VeleroOpenShift.Errors;

/// <summary>A Kubernetes item (or a Backup/Restore object) is malformed: it names the item and the field.</summary>
public sealed class InvalidItemException : VeleroOpenShiftException
{
    public InvalidItemException(ItemReference item, string? field, string problem, Exception? innerException = null)
        : base(FailureKind.InvalidData, item.ToString(), Compose(item, field, problem), innerException)
    {
        Item = item;
        Field = field;
        Problem = problem;
    }

    public ItemReference Item { get; }

    /// <summary>Dotted JSON path of the offending field (<c>spec.containers[0].image</c>); null for the whole item.</summary>
    public string? Field { get; }

    public string Problem { get; }

    public override string ErrorId => "InvalidItem";

    private static string Compose(ItemReference item, string? field, string problem) =>
        field is null ? $"{item}: {problem}" : $"{item}: field {field}: {problem}";
}
