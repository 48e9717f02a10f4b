using Microsoft.Extensions.Logging;
using VeleroOpenShift.Errors;

namespace VeleroOpenShift.OpenStack.Manila;

/// <summary>
/// The reference's "context: cause" error wrapping, logged at error level with the context alone right before the
/// error is returned (spec §9). Cancellation passes through untouched.
/// </summary>
internal static class ManilaFailure
{
    public static async Task<T> WrapAsync<T>(ILogger logger, string context, string target, Func<Task<T>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception e) when (e is VeleroOpenShiftException or HttpRequestException or IOException)
        {
            logger.LogError("{Context}", context);
            throw OpenStackException.Wrap(context, e, target);
        }
    }

    public static Task WrapAsync(ILogger logger, string context, string target, Func<Task> action) =>
        WrapAsync(logger, context, target, async () =>
        {
            await action().ConfigureAwait(false);
            return true;
        });

    /// <summary>A failure with no cause behind it, logged the same way.</summary>
    public static OpenStackException New(ILogger logger, FailureKind kind, string target, string message)
    {
        logger.LogError("{Message}", message);
        return new OpenStackException(kind, target, message);
    }
}
