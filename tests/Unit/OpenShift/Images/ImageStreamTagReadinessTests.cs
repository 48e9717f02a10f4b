using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenShift.Images;
using VeleroOpenShift.Velero;

namespace VeleroOpenShift.Tests.OpenShift.Images;

/// <summary>The v2 parts of the imagestreamtag restore (spec §7.7 steps 5–6).</summary>
public sealed class ImageStreamTagReadinessTests
{
    private static readonly ResourceIdentifier Base = new("image.openshift.io", "imagestreamtags", "images", "base:1");

    [Fact]
    public async Task ReadyOnceTheTagExistsInTheMappedNamespace()
    {
        var cluster = FixtureRunner.BuildCluster(null);
        var action = new ImageStreamTagRestoreAction(cluster);
        var restore = FixtureRunner.Restore(Json.O("{'spec':{'namespaceMapping':{'images':'images2'}}}"));
        var others = new ResourceIdentifier("", "secrets", "images", "x");
        Assert.False(await action.AreAdditionalItemsReadyAsync([Base, others], restore, CancellationToken.None));

        cluster.Add(Json.O("{'apiVersion':'image.openshift.io/v1','kind':'ImageStreamTag','metadata':{'name':'base:1','namespace':'images2'}}"));
        Assert.True(await action.AreAdditionalItemsReadyAsync([Base, others], restore, CancellationToken.None));
    }

    [Fact]
    public async Task NotReadyWhenTheApiIsNotServed()
    {
        var cluster = FixtureRunner.BuildCluster(Json.O("{'unserved':['imagestreamtags.image.openshift.io']}"));
        Assert.False(await new ImageStreamTagRestoreAction(cluster).AreAdditionalItemsReadyAsync([Base], FixtureRunner.Restore(null), CancellationToken.None));
    }

    [Fact]
    public async Task ProgressIsNotSupportedAndCancelDoesNothing()
    {
        var action = new ImageStreamTagRestoreAction(FixtureRunner.BuildCluster(null));
        var error = await Assert.ThrowsAsync<InvalidInputException>(() => action.ProgressAsync("op", FixtureRunner.Restore(null), CancellationToken.None));
        Assert.Contains("async operations not supported", error.Message, StringComparison.Ordinal);
        await action.CancelAsync("op", FixtureRunner.Restore(null), CancellationToken.None);
    }
}
