using System.Text.Json.Nodes;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.Tests.Velero;

public sealed class PluginCatalogTests
{
    private sealed class EchoRestore : IRestoreItemAction
    {
        public Task<RestoreItemActionResult> ExecuteAsync(JsonObject item, JsonObject itemFromBackup, VeleroRestore restore, CancellationToken cancellationToken) =>
            Task.FromResult(new RestoreItemActionResult(item));
    }

    private static PluginRegistration Restore(string name, params string[] resources) =>
        PluginRegistration.RestoreItemAction(name, PluginFamily.OpenShift, ResourceSelector.ForResources(resources), "test action", _ => new EchoRestore());

    [Theory]
    [InlineData("openshift.io/01-common-restore-plugin", true)]
    [InlineData("community.openstack.org/openstack", true)]
    [InlineData("openstack", false)]
    [InlineData("a/b/c", false)]
    [InlineData("/name", false)]
    [InlineData("example.io/", false)]
    [InlineData("Example.io/name", false)]
    [InlineData("-example.io/name", false)]
    public void Applies_veleros_name_rule(string name, bool valid)
    {
        Assert.Equal(valid, PluginNameRule.IsValid(name, out var problem));
        Assert.Equal(valid, problem is null);
    }

    [Fact]
    public void Refuses_rows_that_would_stop_velero_at_discovery()
    {
        Assert.Throws<ArgumentException>(() => new PluginCatalog([Restore("bad name")]));
        Assert.Throws<ArgumentException>(() => new PluginCatalog([Restore("example.io/a", "pods"), Restore("example.io/a", "services")]));
    }

    [Fact]
    public void The_same_name_may_serve_two_kinds()
    {
        var catalog = new PluginCatalog([
            Restore("example.io/a", "pods"),
            PluginRegistration.BackupItemAction("example.io/a", PluginFamily.OpenShift, ResourceSelector.ForResources("pods"), "test", _ => null!),
        ]);

        Assert.Equal(2, catalog.Registrations.Count);
    }

    [Fact]
    public void Get_finds_by_kind_and_name_and_reports_the_go_plugin_not_found_text()
    {
        var catalog = new PluginCatalog([Restore("example.io/a", "pods")]);

        Assert.Equal("example.io/a", catalog.Get(PluginKind.RestoreItemAction, "example.io/a").Name);
        var failure = Assert.Throws<PluginNotFoundException>(() => catalog.Get(PluginKind.BackupItemAction, "example.io/a"));
        Assert.Equal("BackupItemAction plugin: example.io/a was not found or has an invalid name format", failure.Message);
        Assert.Equal(FailureKind.NotFound, failure.Kind);
    }

    [Fact]
    public void Actions_for_an_item_come_in_registration_order()
    {
        var catalog = new PluginCatalog([Restore("example.io/b", "pods"), Restore("example.io/a", "services"), Restore("example.io/c", "po")]);
        var pod = JsonNode.Parse("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","namespace":"n"}}""")!.AsObject();

        Assert.Equal(["example.io/b", "example.io/c"], catalog.ActionsFor(pod, PluginKind.RestoreItemAction).Select(r => r.Name));
        Assert.Empty(catalog.ActionsFor(pod, PluginKind.BackupItemAction));
    }

    [Fact]
    public void Restrict_keeps_families_and_drops_kinds()
    {
        var catalog = new PluginCatalog([
            Restore("example.io/a", "pods"),
            PluginRegistration.ItemBlockAction("example.io/b", PluginFamily.OpenShift, ResourceSelector.ForResources("pods"), "test", _ => null!),
        ]);

        Assert.Single(catalog.Restrict(new HashSet<PluginFamily> { PluginFamily.OpenShift }, new HashSet<PluginKind> { PluginKind.ItemBlockAction }).Registrations);
        Assert.Empty(catalog.Restrict(new HashSet<PluginFamily> { PluginFamily.OpenStack }).Registrations);
    }

    [Fact]
    public void Create_ties_the_row_to_its_contract()
    {
        var row = Restore("example.io/a", "pods");

        Assert.IsType<EchoRestore>(row.Create<IRestoreItemAction>(PluginServices.Default));
        Assert.Throws<InvalidOperationException>(() => row.Create<IObjectStore>(PluginServices.Default));
    }

    [Fact]
    public void The_default_catalogue_passes_its_own_validation()
    {
        Assert.NotNull(PluginCatalog.Default);
        Assert.All(PluginCatalog.Default.Registrations, r => Assert.True(PluginNameRule.IsValid(r.Name, out _)));
    }
}
