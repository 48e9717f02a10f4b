using VeleroOpenShift.Errors;
using VeleroOpenShift.Registry;

namespace VeleroOpenShift.Tests.Registry;

public sealed class ImageReferenceTests
{
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("docker://127.0.0.1:5000/ns/app:v1", "docker", "127.0.0.1:5000", "ns/app", "v1", null, "v1")]
    [InlineData("docker://registry.example.com/a/b/c@" + Digest, "docker", "registry.example.com", "a/b/c", null, Digest, Digest)]
    [InlineData("docker://host:5000/ns/app:v1@" + Digest, "docker", "host:5000", "ns/app", "v1", Digest, Digest)]
    [InlineData("docker://localhost/app", "docker", "localhost", "app", null, null, "latest")]
    [InlineData("docker://busybox", "docker", "docker.io", "library/busybox", null, null, "latest")]
    [InlineData("docker://libpod/busybox:1.36", "docker", "docker.io", "libpod/busybox", "1.36", null, "1.36")]
    [InlineData("udistribution-swift-1234://ns/app:v1", "udistribution-swift-1234", "", "ns/app", "v1", null, "v1")]
    public void Parses_transport_registry_repository_tag_and_digest(string text, string transport, string registry, string repository, string? tag, string? digest, string reference)
    {
        var parsed = ImageReference.Parse(text);

        Assert.Equal((transport, registry, repository, tag, digest, reference), (parsed.Transport, parsed.Registry, parsed.Repository, parsed.Tag, parsed.Digest, parsed.Reference));
    }

    [Theory]
    [InlineData("docker://127.0.0.1:5000/ns/app:v1")]
    [InlineData("udistribution-swift-1234://ns/app@" + Digest)]
    public void Prints_as_it_was_given(string text) => Assert.Equal(text, ImageReference.Parse(text).ToString());

    [Theory]
    [InlineData("127.0.0.1:5000/ns/app:v1", "transport")]
    [InlineData("docker://host:5000/NS/app:v1", "repository 'NS/app'")]
    [InlineData("docker://host:5000/ns/app@sha256:abc", "digest 'sha256:abc'")]
    [InlineData("docker://host:5000/ns/app:-bad", "tag '-bad'")]
    [InlineData("docker://host:5000/ns//app", "repository 'ns//app'")]
    public void Refuses_malformed_references_naming_the_part(string text, string named)
    {
        var failure = Assert.Throws<RegistryException>(() => ImageReference.Parse(text));

        Assert.Equal(FailureKind.InvalidData, failure.Kind);
        Assert.Equal(text, failure.Image);
        Assert.Equal("reference", failure.Field);
        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }
}
