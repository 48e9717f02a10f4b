using VeleroOpenShift.OpenStack;
using VeleroOpenShift.OpenStack.Auth;

namespace VeleroOpenShift.Tests.OpenStack.Auth;

public sealed class ServiceCatalogTests
{
    private static readonly CatalogService[] Catalog =
    [
        new("identity", "keystone", [new CatalogEndpoint("public", "RegionOne", "RegionOne", "http://k/v3")]),
        new("object-store", "swift",
        [
            new CatalogEndpoint("internal", "RegionOne", "RegionOne", "http://internal/v1/AUTH_p"),
            new CatalogEndpoint("public", "RegionOne", "RegionOne", "http://one/v1/AUTH_p"),
            new CatalogEndpoint("public", null, "RegionTwo", "http://two/v1/AUTH_p/"),
        ]),
    ];

    [Theory]
    [InlineData("", "public", "http://one/v1/AUTH_p/")]
    [InlineData("RegionTwo", "public", "http://two/v1/AUTH_p/")]
    [InlineData("RegionOne", "internal", "http://internal/v1/AUTH_p/")]
    public void Takes_the_first_endpoint_of_the_interface_and_region(string region, string endpointInterface, string expected)
    {
        Assert.Equal(expected, ServiceCatalog.Find(Catalog, ["object-store"], region, endpointInterface).ToString());
    }

    [Fact]
    public void No_match_uses_the_reference_message()
    {
        var failure = Assert.Throws<OpenStackException>(() => ServiceCatalog.Find(Catalog, ["object-store"], "RegionThree", "public"));

        Assert.Equal("No suitable endpoint could be found in the service catalog.", failure.Message);
    }
}
