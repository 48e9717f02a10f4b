using System.Text.Json.Nodes;
using VeleroOpenShift.Kube;
using VeleroOpenShift.Velero;

namespace VeleroOpenShift.Tests.Velero;

public sealed class ResourceSelectorTests
{
    private static JsonObject Item(string apiVersion, string kind, string? ns, string labels = "{}")
    {
        var metadata = new JsonObject { ["name"] = "x", ["labels"] = JsonNode.Parse(labels) };
        if (ns is not null)
        {
            metadata["namespace"] = ns;
        }

        return new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind, ["metadata"] = metadata };
    }

    private static bool Matches(ResourceSelector selector, JsonObject item) =>
        selector.Compile(ResourceTypeCatalog.Default).Matches(item);

    [Fact]
    public void Empty_selector_matches_everything_including_cluster_scoped_items()
    {
        Assert.True(Matches(ResourceSelector.Everything, Item("v1", "Pod", "shop")));
        Assert.True(Matches(ResourceSelector.Everything, Item("v1", "PersistentVolume", null)));
    }

    [Fact]
    public void Bare_resource_names_match_their_preferred_group_only()
    {
        var selector = ResourceSelector.ForResources("deployments");

        Assert.True(Matches(selector, Item("apps/v1", "Deployment", "shop")));
        Assert.False(Matches(selector, Item("extensions/v1beta1", "Deployment", "shop")));
        Assert.False(Matches(selector, Item("v1", "Pod", "shop")));
    }

    [Fact]
    public void Group_qualified_names_match_that_group()
    {
        var selector = ResourceSelector.ForResources("deployments.extensions", "rolebinding.authorization.openshift.io");

        Assert.True(Matches(selector, Item("extensions/v1beta1", "Deployment", "shop")));
        Assert.True(Matches(selector, Item("authorization.openshift.io/v1", "RoleBinding", "shop")));
        Assert.False(Matches(selector, Item("rbac.authorization.k8s.io/v1", "RoleBinding", "shop")));
    }

    [Fact]
    public void Exclusions_win()
    {
        var selector = new ResourceSelector { IncludedResources = ["*"], ExcludedResources = ["secrets"] };

        Assert.False(Matches(selector, Item("v1", "Secret", "shop")));
        Assert.True(Matches(selector, Item("v1", "ConfigMap", "shop")));
    }

    [Fact]
    public void Namespace_includes_skip_cluster_scoped_items_and_accept_globs()
    {
        var selector = new ResourceSelector { IncludedNamespaces = ["shop-*"], ExcludedNamespaces = ["shop-test"] };

        Assert.True(Matches(selector, Item("v1", "Pod", "shop-prod")));
        Assert.False(Matches(selector, Item("v1", "Pod", "shop-test")));
        Assert.False(Matches(selector, Item("v1", "Pod", "other")));
        Assert.False(Matches(selector, Item("v1", "PersistentVolume", null)));
    }

    [Fact]
    public void Label_selector_is_applied_to_the_item_labels()
    {
        var selector = new ResourceSelector { LabelSelector = "app=web" };

        Assert.True(Matches(selector, Item("v1", "Pod", "shop", """{"app":"web"}""")));
        Assert.False(Matches(selector, Item("v1", "Pod", "shop", """{"app":"db"}""")));
    }

    [Fact]
    public void A_selector_whose_names_all_fail_to_resolve_matches_nothing()
    {
        Assert.False(Matches(ResourceSelector.ForResources("widgets"), Item("v1", "Pod", "shop")));
    }

    [Fact]
    public void Malformed_items_give_an_item_error_not_a_crash()
    {
        var item = JsonNode.Parse("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"x","namespace":"shop","labels":"oops"}}""")!.AsObject();

        var failure = Assert.Throws<Errors.InvalidItemException>(() => Matches(new ResourceSelector { LabelSelector = "app" }, item));

        Assert.Equal("metadata.labels", failure.Field);
        Assert.Equal("Pod/shop/x", failure.Target);
    }

    [Fact]
    public void Describes_itself_for_people()
    {
        Assert.Equal("everything", ResourceSelector.Everything.ToString());
        Assert.Equal("resources: pods, services; labels: app=web", (ResourceSelector.ForResources("pods", "services") with { LabelSelector = "app=web" }).ToString());
    }
}
