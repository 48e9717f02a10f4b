using VeleroOpenShift.Errors;

namespace VeleroOpenShift.OpenStack;

/// <summary>
/// An OpenStack operation failed for a reason that is not one HTTP answer: a configuration the spec refuses, a
/// catalog without a usable endpoint, a wrapped transport failure. Messages follow the reference plugin's wording.
/// </summary>
public sealed class OpenStackException : VeleroOpenShiftException
{
    public OpenStackException(FailureKind kind, string? target, string message, Exception? innerException = null)
        : base(kind, target, message, innerException)
    {
    }

    public override string ErrorId => "OpenStack" + Kind;

    /// <summary>Wraps <paramref name="inner"/> under <paramref name="context"/> ("context: inner message"), keeping its kind.</summary>
    public static OpenStackException Wrap(string context, Exception inner, string? target = null) =>
        new(inner is VeleroOpenShiftException v ? v.Kind : FailureKind.RemoteFailure, target ?? (inner as VeleroOpenShiftException)?.Target, $"{context}: {inner.Message}", inner);
}
