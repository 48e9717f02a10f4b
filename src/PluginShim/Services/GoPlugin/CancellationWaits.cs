namespace VeleroOpenShift.PluginShim.Services.GoPlugin;

/// <summary>Waiting, without a timer, until a call ends or the server stops.</summary>
internal static class CancellationWaits
{
    public static async Task UntilCancelledAsync(CancellationToken first, CancellationToken second)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(first, second);
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (linked.Token.Register(() => ended.TrySetResult()).ConfigureAwait(false))
        {
            await ended.Task.ConfigureAwait(false);
        }
    }
}
