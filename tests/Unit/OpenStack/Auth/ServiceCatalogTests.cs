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

    private static readonly CatalogService[] VolumeCatalog =
    [
        new("volumev2", "cinderv2", [new CatalogEndpoint("public", "RegionOne", "RegionOne", "http://old:8776/v2/p")]),
        new("block-storage", "cinder", [new CatalogEndpoint("public", "RegionOne", "RegionOne", "http://unversioned:8776/")]),
        new("volumev3", "cinderv3", [new CatalogEndpoint("public", "RegionOne", "RegionOne", "http://cinder:8776/v3/p")]),
    ];

    [Fact]
    public async Task A_type_or_url_of_another_major_version_is_skipped()
    {
        var fetched = new List<Uri>();
        var url = await ServiceCatalog.FindVersionedAsync(VolumeCatalog, ServiceCatalog.BlockStorageTypes, "", "public", 3, (u, _) =>
        {
            fetched.Add(u);
            return Task.FromResult<string?>("""{"versions":[{"id":"v2.0"}]}""");
        }, CancellationToken.None);

        Assert.Equal("http://cinder:8776/v3/p/", url.ToString());
        Assert.Equal([new Uri("http://unversioned:8776/")], fetched);
    }

    [Theory]
    [InlineData("""{"versions":[{"id":"v3.0","version":"3.70"}]}""")]
    [InlineData("""{"versions":{"values":[{"id":"v3.14"}]}}""")]
    [InlineData("""{"version":{"id":"v3.0"}}""")]
    [InlineData("""{"id":"v3"}""")]
    public async Task An_unversioned_url_is_accepted_by_its_versions_document(string document)
    {
        CatalogService[] catalog = [new("block-storage", "cinder", [new CatalogEndpoint("public", "RegionOne", "RegionOne", "http://cinder:8776")])];
        var url = await ServiceCatalog.FindVersionedAsync(catalog, ServiceCatalog.BlockStorageTypes, "", "public", 3, (_, _) => Task.FromResult<string?>(document), CancellationToken.None);
        Assert.Equal("http://cinder:8776/", url.ToString());
    }

    [Fact]
    public async Task No_endpoint_of_the_major_version_uses_the_reference_message()
    {
        var failure = await Assert.ThrowsAsync<OpenStackException>(() => ServiceCatalog.FindVersionedAsync(
            VolumeCatalog, ServiceCatalog.BlockStorageTypes, "", "public", 4, (_, _) => Task.FromResult<string?>(null), CancellationToken.None));
        Assert.Equal("No suitable endpoint could be found in the service catalog.", failure.Message);
    }
}
