using Microsoft.Extensions.Time.Testing;

namespace VeleroOpenShift.Tests.OpenStack.Volumes;

/// <summary>Runs a wait against a fake clock, moving the clock a second at a time until the wait ends.</summary>
internal static class FakeClock
{
    public static async Task<T> RunAsync<T>(FakeTimeProvider time, Task<T> wait)
    {
        while (!wait.IsCompleted)
        {
            await Task.Delay(2);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        return await wait;
    }

    public static async Task RunAsync(FakeTimeProvider time, Task wait) =>
        await RunAsync(time, wait.ContinueWith(t => { t.GetAwaiter().GetResult(); return 0; }, TaskScheduler.Default));
}
