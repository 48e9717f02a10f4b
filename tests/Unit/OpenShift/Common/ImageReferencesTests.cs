using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenShift.Common;

namespace VeleroOpenShift.Tests.OpenShift.Common;

/// <summary>The upstream cases of spec §13.8 for the image-reference helpers, verbatim.</summary>
public sealed class ImageReferencesTests
{
    [Theory]
    [InlineData("foo/baz/cat", "foo", "bar/qux/cat")]
    [InlineData("foo/baz/cat", null, "bar/baz/cat")]
    [InlineData("foo/baz", null, "bar/baz")]
    [InlineData("foo/openshift/cat@swan", null, "bar/openshift/cat")]
    public void ReplacePrefixMovesTheReference(string reference, string? mapped, string expected)
    {
        var mapping = mapped is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["baz"] = "qux" };
        Assert.True(ImageReferences.TryReplacePrefix(reference, "foo", "bar", mapping, out var replaced));
        Assert.Equal(expected, replaced);
    }

    [Theory]
    [InlineData("foo/baz", "foob")]
    [InlineData("foo", "fo")]
    public void ReplacePrefixRefusesOtherRegistries(string reference, string oldRegistry)
    {
        Assert.False(ImageReferences.TryReplacePrefix(reference, oldRegistry, "bar", new Dictionary<string, string>(), out var replaced));
        Assert.Equal(reference, replaced);
    }

    [Fact]
    public void ReplacePrefixDropsOpenshiftDigestsEvenWhenOpenshiftIsMapped()
    {
        Assert.True(ImageReferences.TryReplacePrefix("r/openshift/cli@sha256:1", "r", "s", new Dictionary<string, string> { ["openshift"] = "x" }, out var replaced));
        Assert.Equal("s/openshift/cli", replaced);
    }

    [Fact]
    public void ReplacePrefixIgnoresAnEmptyMappingValue()
    {
        Assert.True(ImageReferences.TryReplacePrefix("r/a/b:1", "r", "s", new Dictionary<string, string> { ["a"] = "" }, out var replaced));
        Assert.Equal("s/a/b:1", replaced);
    }

    [Theory]
    [InlineData("cat/", "cat", true)]
    [InlineData("catt/", "cat", false)]
    [InlineData("cat/dog/spider", "cat", true)]
    [InlineData("//ss", "", true)]
    [InlineData("abc", "", false)]
    public void HasPrefixComparesTheFirstSegment(string reference, string prefix, bool expected) =>
        Assert.Equal(expected, ImageReferences.HasPrefix(reference, prefix));

    [Theory]
    [InlineData("reg/ns/name@dig", "name", null, "dig")]
    [InlineData("reg/ns/name@dig:est", "name", null, "dig:est")]
    [InlineData("reg/ns/name:tg", "name", "tg", null)]
    [InlineData("reg/ns/name", "name", null, null)]
    public void ParseLocalSplitsTheReference(string reference, string name, string? tag, string? digest) =>
        Assert.Equal(new LocalImageReference("reg", "ns", name, tag, digest), ImageReferences.ParseLocal(reference, "reg"));

    [Theory]
    [InlineData("reg/ns/name", "cat")]
    [InlineData("reg/cat", "reg")]
    [InlineData("reg/ns/name/dig", "reg")]
    [InlineData("reg/ns/name@dig@est", "reg")]
    [InlineData("reg/ns/name:ta:g", "reg")]
    public void ParseLocalRefusesMalformedReferences(string reference, string prefix) =>
        Assert.Throws<InvalidInputException>(() => ImageReferences.ParseLocal(reference, prefix));

    [Theory]
    [InlineData("image-registry.openshift-image-registry.svc:5000/openshift/cli", true, "image-registry.openshift-image-registry.svc:5000")]
    [InlineData("localhost/openshift/cli", true, "localhost")]
    [InlineData("openshift/cli", true, "")]
    [InlineData("cli", true, "")]
    [InlineData("bad reference/x", false, "")]
    public void TryGetRegistryTakesAHostLikeFirstSegment(string repository, bool ok, string expected)
    {
        Assert.Equal(ok, ImageReferences.TryGetRegistry(repository, out var registry));
        Assert.Equal(expected, registry);
    }
}
