using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenStack.Swift;

namespace VeleroOpenShift.Tests.OpenStack.Swift;

/// <summary>What the store refuses before it talks to any server.</summary>
public sealed class SwiftObjectStoreGuardTests
{
    [Fact]
    public async Task Names_are_checked_first_and_methods_before_init_are_refused()
    {
        using var store = new SwiftObjectStore(new CapturedLogs().Factory(), TimeProvider.System, _ => null);

        await Assert.ThrowsAsync<InvalidInputException>(() => store.ObjectExistsAsync("c/d", "o", CancellationToken.None));
        await Assert.ThrowsAsync<InvalidInputException>(() => store.GetObjectAsync("c", "", CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.ObjectExistsAsync("c", "o", CancellationToken.None));
    }

    [Fact]
    public async Task Init_without_any_credentials_fails_with_the_reference_wording()
    {
        using var store = new SwiftObjectStore(new CapturedLogs().Factory(), TimeProvider.System, name => name == "HOME" ? "/nonexistent" : null);

        var failure = await Assert.ThrowsAsync<VeleroOpenShift.OpenStack.OpenStackException>(() => store.InitAsync(new Dictionary<string, string>(), CancellationToken.None));

        Assert.Equal("failed to authenticate against OpenStack in object storage plugin: failed to build auth options: Missing input for argument [auth_url]", failure.Message);
        Assert.Equal(FailureKind.InvalidConfiguration, failure.Kind);
    }
}
