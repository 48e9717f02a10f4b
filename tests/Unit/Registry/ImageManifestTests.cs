using System.Text;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Registry;

namespace VeleroOpenShift.Tests.Registry;

public sealed class ImageManifestTests
{
    private const string A = "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string B = "sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    private const string C = "sha256:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc";

    [Fact]
    public void An_image_manifest_names_its_config_and_distributable_layers_and_keeps_its_bytes()
    {
        var bytes = Encoding.UTF8.GetBytes($$"""
            {"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json",
             "config":{"mediaType":"application/vnd.docker.container.image.v1+json","digest":"{{A}}","size":10},
             "layers":[{"mediaType":"application/vnd.docker.image.rootfs.diff.tar.gzip","digest":"{{B}}","size":20},
                       {"mediaType":"application/vnd.docker.image.rootfs.foreign.diff.tar.gzip","digest":"{{C}}","size":30,"urls":["https://example.com/l"]}]}
            """);

        var manifest = ImageManifest.Parse(bytes, "application/json", "docker://r/ns/app:v1");

        Assert.Equal(ManifestMediaTypes.DockerManifest, manifest.MediaType);
        Assert.Same(bytes, manifest.Bytes);
        Assert.Equal(ImageManifest.DigestOf(bytes), manifest.Digest);
        Assert.Equal([A, B], manifest.Blobs.Select(b => b.Digest));
        Assert.Empty(manifest.Children);
    }

    [Fact]
    public void An_OCI_index_without_a_media_type_field_is_told_apart_by_its_manifests()
    {
        var bytes = Encoding.UTF8.GetBytes($$"""{"schemaVersion":2,"manifests":[{"digest":"{{A}}","size":1},{"digest":"{{B}}","size":2}]}""");

        var manifest = ImageManifest.Parse(bytes, null, "docker://r/ns/app:v1");

        Assert.True(manifest.IsIndex);
        Assert.Equal(ManifestMediaTypes.OciIndex, manifest.MediaType);
        Assert.Equal([A, B], manifest.Children.Select(c => c.Digest));
    }

    [Fact]
    public void A_schema_1_manifest_is_refused_as_not_supported()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"schemaVersion":1,"name":"ns/app","tag":"v1","fsLayers":[]}""");

        var failure = Assert.Throws<RegistryException>(() => ImageManifest.Parse(bytes, ManifestMediaTypes.DockerSchema1Signed, "docker://r/ns/app:v1"));

        Assert.Equal(FailureKind.NotSupported, failure.Kind);
        Assert.Equal("manifest", failure.Field);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","layers":[]}""")]
    [InlineData("""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"digest":"sha512:00","size":1},"layers":[]}""")]
    public void A_manifest_without_what_a_copy_needs_fails_naming_the_image(string json)
    {
        var failure = Assert.Throws<RegistryException>(() => ImageManifest.Parse(Encoding.UTF8.GetBytes(json), null, "docker://r/ns/app:v1"));

        Assert.Equal("docker://r/ns/app:v1", failure.Image);
        Assert.Equal("manifest", failure.Field);
    }
}
