namespace VeleroOpenShift.Errors;

/// <summary>An argument that is not a Kubernetes item is malformed: a selector, a reference, a name.</summary>
public sealed class InvalidInputException : VeleroOpenShiftException
{
    public InvalidInputException(string target, string problem, Exception? innerException = null)
        : base(FailureKind.InvalidData, target, $"{target}: {problem}", innerException)
    {
    }

    public override string ErrorId => "InvalidInput";
}
