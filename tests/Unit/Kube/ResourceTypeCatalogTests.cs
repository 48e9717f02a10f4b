using VeleroOpenShift.Kube;

namespace VeleroOpenShift.Tests.Kube;

public sealed class ResourceTypeCatalogTests
{
    private readonly ResourceTypeCatalog _catalog = ResourceTypeCatalog.Default;

    [Theory]
    [InlineData("pods", "pods")]
    [InlineData("svc", "services")]
    [InlineData("deployments", "deployments.apps")]
    [InlineData("deployments.apps", "deployments.apps")]
    [InlineData("deployments.extensions", "deployments.extensions")]
    [InlineData("Deployment", "deployments.apps")]
    [InlineData("replicationcontroller", "replicationcontrollers")]
    [InlineData("rolebinding.authorization.openshift.io", "rolebindings.authorization.openshift.io")]
    [InlineData("rolebindings", "rolebindings.rbac.authorization.k8s.io")]
    [InlineData("imagestreams", "imagestreams.image.openshift.io")]
    [InlineData("dc", "deploymentconfigs.apps.openshift.io")]
    [InlineData("widgets.example.com", "widgets.example.com")]
    public void Resolves_selector_names_to_group_resources(string entry, string expected)
    {
        Assert.Equal(expected, _catalog.Resolve(entry).ToString());
    }

    [Fact]
    public void An_unknown_bare_name_does_not_resolve()
    {
        Assert.Null(_catalog.Resolve("widgets"));
    }

    [Theory]
    [InlineData("", "Pod", "pods")]
    [InlineData("apps.openshift.io", "DeploymentConfig", "deploymentconfigs.apps.openshift.io")]
    [InlineData("example.com", "Policy", "policies.example.com")]
    [InlineData("example.com", "Status", "statuses.example.com")]
    [InlineData("example.com", "Widget", "widgets.example.com")]
    public void Maps_kinds_to_resources_guessing_unknown_plurals_like_kubernetes(string group, string kind, string expected)
    {
        Assert.Equal(expected, _catalog.ForKind(group, kind).GroupResource.ToString());
    }

    [Theory]
    [InlineData("apps/v1", "apps")]
    [InlineData("v1", "")]
    [InlineData(null, "")]
    [InlineData("route.openshift.io/v1", "route.openshift.io")]
    public void Reads_the_group_of_an_api_version(string? apiVersion, string expected)
    {
        Assert.Equal(expected, GroupResource.GroupOfApiVersion(apiVersion));
    }
}
