namespace VeleroOpenShift.Errors;

/// <summary>
/// Root of the engine's exception taxonomy. Every failure the engine reports on purpose derives from
/// it, carries a <see cref="FailureKind"/>, and names what it concerns (<see cref="Target"/>: an item as
/// <c>Kind/namespace/name</c>, a container/object, a snapshot id, a plugin name) so that both fronts
/// can report it without parsing messages.
/// </summary>
public abstract class VeleroOpenShiftException : Exception
{
    protected VeleroOpenShiftException(FailureKind kind, string? target, string message, Exception? innerException)
        : base(message, innerException)
    {
        Kind = kind;
        Target = target;
    }

    public FailureKind Kind { get; }

    /// <summary>The thing the failure concerns, in a stable textual form; null when there is none.</summary>
    public string? Target { get; }

    /// <summary>A stable PascalCase identifier for the failure, used as the PowerShell ErrorId.</summary>
    public abstract string ErrorId { get; }
}
