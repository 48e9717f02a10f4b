using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenStack.Swift;

namespace VeleroOpenShift.Tests.OpenStack.Swift;

public sealed class SwiftNamesTests
{
    [Theory]
    [InlineData("prefix/backups/backup-name.json", "prefix%2Fbackups%2Fbackup-name.json")]
    [InlineData("a b", "a%20b")]
    [InlineData("keep-_.~$&+:=@", "keep-_.~$&+:=@")]
    [InlineData("100%?#", "100%25%3F%23")]
    [InlineData("ü", "%C3%BC")]
    public void Encodes_a_name_as_one_path_segment(string name, string expected) => Assert.Equal(expected, SwiftNames.EncodeSegment(name));

    [Fact]
    public void Refuses_empty_names_and_slashes_in_containers()
    {
        Assert.Equal("container: a container name must not be empty", Assert.Throws<InvalidInputException>(() => SwiftNames.ValidateContainer("")).Message);
        Assert.EndsWith("invalid name \"a/b\": a container name cannot contain a slash (/) character", Assert.Throws<InvalidInputException>(() => SwiftNames.ValidateContainer("a/b")).Message, StringComparison.Ordinal);
        Assert.Equal("object: an object name must not be empty", Assert.Throws<InvalidInputException>(() => SwiftNames.ValidateObject("")).Message);
    }
}
