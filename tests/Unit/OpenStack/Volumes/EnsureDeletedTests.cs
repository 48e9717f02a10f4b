using System.Net;
using Microsoft.Extensions.Time.Testing;
using VeleroOpenShift.OpenStack;
using VeleroOpenShift.OpenStack.Volumes;

namespace VeleroOpenShift.Tests.OpenStack.Volumes;

public sealed class EnsureDeletedTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly List<string> _calls = [];

    [Fact]
    public async Task Deletes_and_waits_until_the_resource_is_gone()
    {
        await FakeClock.RunAsync(_time, Run(Record("delete"), Record("check"), Record("reset")));
        Assert.Equal(["delete", "check"], _calls);
    }

    [Fact]
    public async Task A_resource_already_gone_is_success()
    {
        await FakeClock.RunAsync(_time, Run(_ => { _calls.Add("delete"); throw Status(HttpStatusCode.NotFound); }, Record("check"), Record("reset")));
        Assert.Equal(["delete"], _calls);
    }

    [Fact]
    public async Task An_error_status_is_reset_and_the_delete_tried_again()
    {
        var checks = 0;
        await FakeClock.RunAsync(_time, Run(
            Record("delete"),
            _ => { _calls.Add("check"); return ++checks == 1 ? throw new ResourceStateException("snapshot s1", "error_deleting", false, "unexpected error_deleting status") : Task.CompletedTask; },
            Record("reset")));
        Assert.Equal(["delete", "check", "reset", "delete", "check"], _calls);
    }

    [Fact]
    public async Task A_delete_that_keeps_answering_409_stops_when_the_overall_time_is_up()
    {
        var failure = await Assert.ThrowsAsync<ResourceStateException>(() => FakeClock.RunAsync(_time, Run(_ => { _calls.Add("delete"); throw Status(HttpStatusCode.Conflict); }, Record("check"), Record("reset"))));
        Assert.Equal("snapshot s1: wait time exceeded: 1m0s", failure.Message);
        Assert.True(failure.TimedOut);
        Assert.InRange(_calls.Count, 5, 7);
    }

    [Fact]
    public async Task Other_delete_errors_pass_through()
    {
        var failure = await Assert.ThrowsAsync<OpenStackServiceException>(() => FakeClock.RunAsync(_time, Run(_ => throw Status(HttpStatusCode.Forbidden), Record("check"), Record("reset"))));
        Assert.Equal(HttpStatusCode.Forbidden, failure.Status);
    }

    [Fact]
    public async Task A_check_that_outlives_the_overall_timer_reports_the_timer()
    {
        var failure = await Assert.ThrowsAsync<ResourceStateException>(() => FakeClock.RunAsync(_time, Run(
            Record("delete"),
            token => new StatusPoller(_time).WaitAsync<string>("snapshot s1", _ => Task.FromResult("deleting"), s => s, [ResourceStatus.Deleted], TimeSpan.FromMinutes(1), token),
            Record("reset"))));
        Assert.Equal("snapshot s1: wait time exceeded: 1m0s", failure.Message);
    }

    private Task Run(Func<CancellationToken, Task> delete, Func<CancellationToken, Task> check, Func<CancellationToken, Task> reset) =>
        new EnsureDeleted(_time).RunAsync("snapshot s1", delete, check, reset, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(10), CancellationToken.None);

    private Func<CancellationToken, Task> Record(string call) => _ => { _calls.Add(call); return Task.CompletedTask; };

    private static OpenStackServiceException Status(HttpStatusCode status) =>
        new("DELETE", new Uri("http://127.0.0.1/v3/p/snapshots/s1"), status, [202], "req-2", "{}");
}
