using VeleroOpenShift.OpenStack;
using VeleroOpenShift.OpenStack.Swift;

namespace VeleroOpenShift.Tests.OpenStack.Swift;

public sealed class SwiftEndpointTests
{
    [Fact]
    public void Account_override_rewrites_the_first_segment_of_each_prefix()
    {
        Assert.Equal("https://swift.example/swift/v1/AUTH_john/", SwiftEndpoint.WithAccountOverride(new Uri("https://swift.example:443/swift/v1/AUTH_abc/"), "john", ["AUTH_"]).ToString());
        Assert.Equal("https://s/v1/SERVICE_john/AUTH_john/", SwiftEndpoint.WithAccountOverride(new Uri("https://s/v1/SERVICE_x/AUTH_y/"), "john", ["AUTH_", "SERVICE_"]).ToString());
    }

    [Fact]
    public void Endpoint_override_gains_a_trailing_slash_and_must_be_absolute()
    {
        Assert.Equal("http://my-local/v1/swift/", SwiftEndpoint.Parse("http://my-local/v1/swift").ToString());
        Assert.StartsWith("failed to parse swift storage client endpoint", Assert.Throws<OpenStackException>(() => SwiftEndpoint.Parse("not a url")).Message, StringComparison.Ordinal);
    }
}
