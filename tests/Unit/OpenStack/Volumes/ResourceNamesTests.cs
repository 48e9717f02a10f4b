using VeleroOpenShift.OpenStack.Volumes;

namespace VeleroOpenShift.Tests.OpenStack.Volumes;

public sealed class ResourceNamesTests
{
    [Fact]
    public void Names_are_source_kind_and_an_unsigned_decimal()
    {
        var name = ResourceNames.Shared.For("0c3f", ResourceKind.Snapshot);
        var parts = name.Split('.');
        Assert.Equal(["0c3f", "snap"], parts[..2]);
        Assert.True(ulong.TryParse(parts[2], out _), name);
    }

    [Fact]
    public void Two_names_for_the_same_source_differ_and_the_generator_is_injectable()
    {
        Assert.NotEqual(ResourceNames.Shared.For("v", ResourceKind.Clone), ResourceNames.Shared.For("v", ResourceKind.Clone));
        Assert.Equal(new ResourceNames(new Random(7)).For("v", ResourceKind.Backup), new ResourceNames(new Random(7)).For("v", ResourceKind.Backup));
        Assert.EndsWith(".image." + new ResourceNames(new Random(7)).For("v", ResourceKind.Image).Split('.')[2], new ResourceNames(new Random(7)).For("x", ResourceKind.Image), StringComparison.Ordinal);
    }
}
