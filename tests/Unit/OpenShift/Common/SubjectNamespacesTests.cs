using System.Text.Json.Nodes;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift.Common;

namespace VeleroOpenShift.Tests.OpenShift.Common;

/// <summary>The upstream swap cases of spec §13.6 (mapping old-ns→new-ns).</summary>
public sealed class SubjectNamespacesTests
{
    private static readonly Dictionary<string, string> Mapping = new() { ["old-ns"] = "new-ns" };

    [Fact]
    public void SwapSubjectNamespaces()
    {
        var subjects = (JsonArray)Json.Parse("""[{"namespace":"old-ns","name":"test-sa"},{"name":"system:serviceaccounts:old-ns"},{"namespace":"unmapped-ns","name":"test-sa"}]""")!;
        SubjectNamespaces.SwapSubjects(subjects, "subjects", Mapping, new ItemReference("RoleBinding", "n", "rb"));
        Json.Equal(Json.Parse("""[{"namespace":"new-ns","name":"test-sa"},{"name":"system:serviceaccounts:new-ns"},{"namespace":"unmapped-ns","name":"test-sa"}]"""), subjects);
    }

    [Theory]
    [InlineData("system:serviceaccount:old-ns:test-sa", "system:serviceaccount:new-ns:test-sa")]
    [InlineData("regular-user", null)]
    [InlineData("system:serviceaccount:unmapped-ns:test-sa", null)]
    public void SwapUserNamesNamespaces(string name, string? expected) =>
        Assert.Equal(expected, SubjectNamespaces.SwapUserName(name, Mapping));

    [Theory]
    [InlineData("system:serviceaccounts:old-ns", "system:serviceaccounts:new-ns")]
    [InlineData("regular-group", null)]
    [InlineData("system:serviceaccounts:unmapped-ns", null)]
    public void SwapGroupNamesNamespaces(string name, string? expected) =>
        Assert.Equal(expected, SubjectNamespaces.SwapGroupName(name, Mapping));
}
