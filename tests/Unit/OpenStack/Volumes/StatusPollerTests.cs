using System.Net;
using Microsoft.Extensions.Time.Testing;
using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenStack;
using VeleroOpenShift.OpenStack.Volumes;

namespace VeleroOpenShift.Tests.OpenStack.Volumes;

public sealed class StatusPollerTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Returns_the_resource_once_it_reaches_a_target_status()
    {
        var statuses = new Queue<string>(["creating", "creating", "available"]);
        var fetches = 0;
        var result = await FakeClock.RunAsync(_time, Poll(_ => { fetches++; return Task.FromResult(new Resource(statuses.Dequeue())); }, [ResourceStatus.Available, ResourceStatus.InUse]));
        Assert.Equal("available", result!.Status);
        Assert.Equal(3, fetches);
    }

    [Fact]
    public async Task A_404_counts_as_deleted_only_when_deleted_is_wanted()
    {
        Assert.Null(await FakeClock.RunAsync(_time, Poll(_ => throw NotFound(), [ResourceStatus.Deleted])));
        var failure = await Assert.ThrowsAsync<OpenStackServiceException>(() => FakeClock.RunAsync(_time, Poll(_ => throw NotFound(), [ResourceStatus.Available])));
        Assert.Equal(HttpStatusCode.NotFound, failure.Status);
    }

    [Fact]
    public async Task An_error_status_fails_at_once_with_the_reference_wording()
    {
        var failure = await Assert.ThrowsAsync<ResourceStateException>(() => FakeClock.RunAsync(_time, Poll(_ => Task.FromResult(new Resource("error_restoring")), [ResourceStatus.Available])));
        Assert.Equal("volume v1: unexpected error_restoring status", failure.Message);
        Assert.False(failure.TimedOut);
        Assert.Equal("error_restoring", failure.LastStatus);
    }

    [Fact]
    public async Task A_resource_stuck_in_a_transitional_status_times_out_naming_it_and_its_last_status()
    {
        var failure = await Assert.ThrowsAsync<ResourceStateException>(() => FakeClock.RunAsync(_time, Poll(_ => Task.FromResult(new Resource("creating")), [ResourceStatus.Available, ResourceStatus.InUse], TimeSpan.FromMinutes(5))));
        Assert.True(failure.TimedOut);
        Assert.Equal(FailureKind.Timeout, failure.Kind);
        Assert.Equal("volume v1 did not become available or in-use within 5m0s (last status \"creating\"): context deadline exceeded", failure.Message);
    }

    private Task<Resource?> Poll(Func<CancellationToken, Task<Resource>> fetch, string[] targets, TimeSpan? timeout = null) =>
        new StatusPoller(_time).WaitAsync("volume v1", fetch, r => r.Status, targets, timeout ?? TimeSpan.FromSeconds(30), CancellationToken.None);

    internal static OpenStackServiceException NotFound() =>
        new("GET", new Uri("http://127.0.0.1/v3/p/volumes/v1"), HttpStatusCode.NotFound, [200], "req-1", "{\"itemNotFound\":{}}");

    private sealed record Resource(string Status);
}
