using System.Collections;
using VeleroOpenShift.Errors;
using VeleroOpenShift.PluginShim.Hosting;
using VeleroOpenShift.PluginShim.Tests.Fakes;
using VeleroOpenShift.Velero;
using Xunit;

namespace VeleroOpenShift.PluginShim.Tests.CommandLine;

public sealed class PluginSelectionTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("all")]
    [InlineData("OpenShift, openstack")]
    public void EveryFamilyIsServedByDefault(string? value)
    {
        var served = Select(value, null).Apply(TestCatalog.Create());

        Assert.Equal(TestCatalog.Create().Registrations.Count, served.Registrations.Count);
    }

    [Fact]
    public void OpenStackServesOnlyTheOpenStackFamily()
    {
        var served = Select("openstack", null).Apply(TestCatalog.Create());

        Assert.Equal([TestCatalog.ObjectStore, TestCatalog.VolumeSnapshotter], served.Registrations.Select(r => r.Name));
    }

    [Theory]
    [InlineData("false")]
    [InlineData("0")]
    [InlineData("No")]
    public void ItemBlockActionsCanBeKeptFromVelero114(string value)
    {
        var served = Select(null, value).Apply(TestCatalog.Create());

        Assert.DoesNotContain(served.Registrations, r => r.Kind == PluginKind.ItemBlockAction);
        Assert.Contains(served.Registrations, r => r.Kind == PluginKind.RestoreItemAction);
    }

    [Theory]
    [InlineData("openshfit", null, PluginSelection.FamiliesVariable)]
    [InlineData("1", null, PluginSelection.FamiliesVariable)]
    [InlineData(null, "maybe", PluginSelection.ItemBlockActionVariable)]
    public void AValueThatCannotBeUnderstoodFailsNamingTheVariable(string? families, string? itemBlock, string variable)
    {
        var error = Assert.Throws<InvalidConfigurationException>(() => Select(families, itemBlock));

        Assert.Equal(variable, error.Key);
    }

    private static PluginSelection Select(string? families, string? itemBlockAction)
    {
        var variables = new Hashtable();
        if (families is not null)
        {
            variables[PluginSelection.FamiliesVariable] = families;
        }

        if (itemBlockAction is not null)
        {
            variables[PluginSelection.ItemBlockActionVariable] = itemBlockAction;
        }

        return PluginSelection.From(variables);
    }
}
