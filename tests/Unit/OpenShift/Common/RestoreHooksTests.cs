using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift.Common;

namespace VeleroOpenShift.Tests.OpenShift.Common;

/// <summary>The upstream PodHasRestoreHooks cases of spec §13.5, verbatim, plus the resource filter.</summary>
public sealed class RestoreHooksTests
{
    private static bool Run(string pod, string hooks)
    {
        var item = Json.O(pod);
        var restore = FixtureRunner.Restore(Json.O($"{{'spec':{{'hooks':{{'resources':{hooks}}}}}}}"));
        return RestoreHooks.PodHasRestoreHooks(item, restore, ItemReference.Of(item));
    }

    [Fact]
    public void NoAnnotationsAndNoHooks() => Assert.False(Run("{'kind':'Pod','metadata':{'name':'pod-1','namespace':'ns-1'}}", "[]"));

    [Fact]
    public void EmptyPostHookAnnotation() =>
        Assert.True(Run("{'kind':'Pod','metadata':{'name':'pod-1','namespace':'ns-1','annotations':{'post.hook.restore.velero.io/command':''}}}", "[]"));

    [Fact]
    public void PostHookAnnotationWithCommand()
    {
        var pod = Json.Parse("""{"kind":"Pod","metadata":{"name":"pod-1","namespace":"ns-1","annotations":{"post.hook.restore.velero.io/command":"echo 'hello'"}}}""")!.AsObject();
        Assert.True(RestoreHooks.PodHasRestoreHooks(pod, FixtureRunner.Restore(null), ItemReference.Of(pod)));
    }

    [Fact]
    public void InitHookAnnotation() =>
        Assert.True(Run("{'kind':'Pod','metadata':{'name':'pod-1','namespace':'ns-1','annotations':{'init.hook.restore.velero.io/container-image':'x'}}}", "[]"));

    [Fact]
    public void HookEntryForTheNamespaceWithAPostHook() =>
        Assert.True(Run("{'kind':'Pod','metadata':{'name':'pod-1','namespace':'ns-1'}}",
            "[{'name':'hook1','includedNamespaces':['ns-1'],'postHooks':[{'exec':{'command':['echo','hello']}}]}]"));

    [Fact]
    public void HookEntryWithoutPostHooks() =>
        Assert.False(Run("{'kind':'Pod','metadata':{'name':'pod-1','namespace':'ns-1'}}", "[{'name':'hook1','includedNamespaces':['ns-1']}]"));

    [Theory]
    [InlineData("['deployments']", "[]", false)]
    [InlineData("['po*']", "[]", true)]
    [InlineData("['*']", "['pods']", false)]
    [InlineData("[]", "[]", true)]
    public void ResourceFilterSeesTheLiteralPods(string included, string excluded, bool expected) =>
        Assert.Equal(expected, Run("{'kind':'Pod','metadata':{'name':'pod-1','namespace':'ns-1'}}",
            $"[{{'name':'h','includedResources':{included},'excludedResources':{excluded},'postHooks':[{{}}]}}]"));
}
