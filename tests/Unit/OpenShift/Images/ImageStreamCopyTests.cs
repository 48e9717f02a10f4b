using System.Security.Cryptography;
using System.Text;
using VeleroOpenShift.OpenShift.Images;

namespace VeleroOpenShift.Tests.OpenShift.Images;

/// <summary>
/// The copy paths of spec §13.9 (the recommended variant) through a recording copier; only the
/// selection of images and the references handed to the copier are under test, not a copy.
/// </summary>
public sealed class ImageStreamCopyTests
{
    private const string Internal = "image-registry.openshift-image-registry.svc:5000";
    private const string Destination = "migration-registry.example.com:5000";
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private sealed class RecordingCopier(byte[] manifest) : IImageCopier
    {
        public List<ImageCopyRequest> Copies { get; } = [];

        public Task<string> OpenStorageLocationTransportAsync(StorageLocationTransportRequest request, CancellationToken cancellationToken) =>
            Task.FromResult("udistribution-s3-test");

        public Task<byte[]> CopyAsync(ImageCopyRequest request, CancellationToken cancellationToken)
        {
            Copies.Add(request);
            return Task.FromResult(manifest);
        }
    }

    private static ImageStreamCopyPlan Plan(bool updateDigest = false, string destination = Destination, string? transport = null) =>
        new(Internal, Internal, destination, "namespace-int", updateDigest, RegistryContext.InternalRegistry, RegistryContext.MigrationRegistry, transport);

    private static System.Text.Json.Nodes.JsonObject Stream(string items, string specTags = "[]") =>
        Json.O($"{{'kind':'ImageStream','metadata':{{'name':'imagefoo','namespace':'namespace-int'}},'spec':{{'tags':{specTags}}},'status':{{'tags':[{{'tag':'v1','items':{items}}}]}}}}");

    [Fact]
    public async Task OwnNamespaceItemIsCopiedFromTheStreamsRepository()
    {
        var copier = new RecordingCopier([1]);
        await new ImageStreamCopy(copier).CopyAsync(Stream($"[{{'dockerImageReference':'{Internal}/namespace-int/imagefoo@{Digest}','image':'{Digest}'}}]"), Plan(), CancellationToken.None);
        var copy = Assert.Single(copier.Copies);
        Assert.Equal($"docker://{Internal}/namespace-int/imagefoo@{Digest}", copy.Source);
        Assert.Equal($"docker://{Destination}/namespace-int/imagefoo:v1", copy.Destination);
        Assert.Equal(RegistryContext.InternalRegistry, copy.SourceContext);
        Assert.Equal(RegistryContext.MigrationRegistry, copy.DestinationContext);
    }

    [Fact]
    public async Task CrossNamespaceItemIsStillCopiedFromTheStreamsOwnRepository()
    {
        var copier = new RecordingCopier([1]);
        await new ImageStreamCopy(copier).CopyAsync(Stream($"[{{'dockerImageReference':'{Internal}/namespace-dev/imagefoo@{Digest}','image':'{Digest}'}}]"), Plan(), CancellationToken.None);
        var copy = Assert.Single(copier.Copies);
        Assert.Equal($"docker://{Internal}/namespace-int/imagefoo@{Digest}", copy.Source);
        Assert.Equal($"docker://{Destination}/namespace-int/imagefoo:v1", copy.Destination);
    }

    [Fact]
    public async Task ExternalItemsAndItemsWithoutDigestAreNotCopied()
    {
        var copier = new RecordingCopier([1]);
        await new ImageStreamCopy(copier).CopyAsync(
            Stream($"[{{'dockerImageReference':'quay.io/libpod/busybox@{Digest}','image':'{Digest}'}},{{'dockerImageReference':'{Internal}/namespace-int/imagefoo:v1','image':''}}]"),
            Plan(), CancellationToken.None);
        Assert.Empty(copier.Copies);
    }

    [Fact]
    public async Task TwoHistoryItemsAreCopiedOlderFirst()
    {
        var copier = new RecordingCopier([1]);
        await new ImageStreamCopy(copier).CopyAsync(
            Stream($"[{{'dockerImageReference':'{Internal}/namespace-int/imagefoo@sha256:new','image':'sha256:new'}},{{'dockerImageReference':'{Internal}/namespace-int/imagefoo@sha256:old','image':'sha256:old'}}]"),
            Plan(), CancellationToken.None);
        Assert.Equal([$"docker://{Internal}/namespace-int/imagefoo@sha256:old", $"docker://{Internal}/namespace-int/imagefoo@sha256:new"], copier.Copies.Select(c => c.Source));
    }

    [Fact]
    public async Task TagsTrackingAnotherTagAreNotPushedUnderTheirName()
    {
        var copier = new RecordingCopier([1]);
        await new ImageStreamCopy(copier).CopyAsync(
            Stream($"[{{'dockerImageReference':'{Internal}/namespace-int/imagefoo@{Digest}','image':'{Digest}'}}]", "[{'name':'v1','from':{'kind':'ImageStreamTag','name':'imagefoo:v0'}}]"),
            Plan(), CancellationToken.None);
        Assert.Equal($"docker://{Destination}/namespace-int/imagefoo", Assert.Single(copier.Copies).Destination);
    }

    [Fact]
    public async Task BackupUpdatesTheDigestToWhatWasStored()
    {
        var manifest = Encoding.UTF8.GetBytes("{\"schemaVersion\":2}");
        var stored = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(manifest));
        var stream = Stream($"[{{'dockerImageReference':'{Internal}/namespace-int/imagefoo@{Digest}','image':'{Digest}'}}]");
        await new ImageStreamCopy(new RecordingCopier(manifest)).CopyAsync(stream, Plan(updateDigest: true), CancellationToken.None);
        var item = stream["status"]!["tags"]![0]!["items"]![0]!;
        Assert.Equal(stored, item["image"]!.GetValue<string>());
        Assert.Equal($"{Internal}/namespace-int/imagefoo@{stored}", item["dockerImageReference"]!.GetValue<string>());
    }

    [Fact]
    public async Task BslDestinationUsesTheTransportScheme()
    {
        var copier = new RecordingCopier([1]);
        await new ImageStreamCopy(copier).CopyAsync(Stream($"[{{'dockerImageReference':'{Internal}/namespace-int/imagefoo@{Digest}','image':'{Digest}'}}]"),
            Plan(destination: "bsl://", transport: "udistribution-s3-test"), CancellationToken.None);
        Assert.Equal("udistribution-s3-test://namespace-int/imagefoo:v1", Assert.Single(copier.Copies).Destination);
    }

    [Fact]
    public async Task BslWithoutATransportFails() =>
        await Assert.ThrowsAsync<VeleroOpenShift.Errors.InvalidConfigurationException>(() =>
            new ImageStreamCopy(new RecordingCopier([1])).CopyAsync(Stream($"[{{'dockerImageReference':'{Internal}/namespace-int/imagefoo@{Digest}','image':'{Digest}'}}]"),
                Plan(destination: "bsl://"), CancellationToken.None));
}
