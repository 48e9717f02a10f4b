using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift.Common;

namespace VeleroOpenShift.Tests.OpenShift.Common;

/// <summary>The upstream SwapContainerImageRefs case of spec §13.8 (foo→bar, {dog:puppy, cat:kitten}).</summary>
public sealed class ContainerImagesTests
{
    [Fact]
    public void SwapsOnlyImagesOfTheBackupRegistry()
    {
        var pod = Json.O("""
            {'kind':'Pod','metadata':{'name':'p','annotations':{'openshift.io/backup-registry-hostname':'foo','openshift.io/restore-registry-hostname':'bar'}},
             'spec':{'containers':[{'image':'foo/cat'},{'image':'foo/cat/y'},{'image':'foo/dog/x'},{'image':'boo/cat'}]}}
            """);
        var changed = ContainerImages.SwapRegistry(pod, "spec", new Dictionary<string, string> { ["dog"] = "puppy", ["cat"] = "kitten" }, ItemReference.Of(pod));

        Assert.Equal(3, changed);
        Json.Equal(Json.Parse("""[{"image":"bar/cat"},{"image":"bar/kitten/y"},{"image":"bar/puppy/x"},{"image":"boo/cat"}]"""), pod["spec"]!["containers"]);
    }

    [Theory]
    [InlineData("", "bar")]
    [InlineData("foo", "")]
    public void DoesNothingWhenARegistryIsEmpty(string backup, string restore)
    {
        var pod = Json.O($"{{'kind':'Pod','metadata':{{'name':'p','annotations':{{'openshift.io/backup-registry-hostname':'{backup}','openshift.io/restore-registry-hostname':'{restore}'}}}},'spec':{{'containers':[{{'image':'foo/cat'}}]}}}}");
        Assert.Equal(0, ContainerImages.SwapRegistry(pod, "spec", new Dictionary<string, string>(), ItemReference.Of(pod)));
        Assert.Equal("foo/cat", pod["spec"]!["containers"]![0]!["image"]!.GetValue<string>());
    }
}
