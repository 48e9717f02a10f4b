using System.Management.Automation;
using Xunit;

namespace VeleroOpenShift.HelpGenerator.Tests.EndToEnd;

/// <summary>
/// What users see: Get-Help in PowerShell 7.6 reading the help the build generated into the staged
/// module, for the real Get-VeleroPlugin cmdlet.
/// </summary>
public sealed class GetHelpTests(HostedModule module) : IClassFixture<HostedModule>
{
    private PSObject Help(params (string Name, object? Value)[] parameters) =>
        Assert.Single(module.Invoke(ps =>
        {
            ps.AddCommand("Get-Help").AddParameter("Name", "Get-VeleroPlugin");
            foreach (var (name, value) in parameters)
            {
                ps.AddParameter(name, value);
            }
        }));

    private static object? Property(object? value, string path)
    {
        foreach (var name in path.Split('.'))
        {
            value = value is null ? null : PSObject.AsPSObject(value).Properties[name]?.Value;
        }

        return value is PSObject wrapped ? wrapped.BaseObject : value;
    }

    private static IReadOnlyList<PSObject> Many(object? value) =>
        value is object[] array ? array.Select(PSObject.AsPSObject).ToList() : value is null ? [] : [PSObject.AsPSObject(value)];

    [Fact]
    public void ExamplesComeFromTheMarkdown()
    {
        var examples = Many(Property(Help(("Examples", true)), "examples.example"));

        Assert.True(examples.Count >= 2, $"Get-Help -Examples returned {examples.Count} example(s).");
        Assert.Equal("--------- Example 1: List every plugin ---------", Property(examples[0], "title"));
        Assert.All(examples, e => Assert.Contains("Get-VeleroPlugin", (string)Property(e, "code")!, StringComparison.Ordinal));
        Assert.NotEmpty(Many(Property(examples[0], "remarks")));
    }

    [Fact]
    public void FullHelpHasTheSynopsisBothParameterSetsAndTheOutputType()
    {
        var help = Help(("Full", true));

        Assert.Equal("Lists the Velero plugins that VeleroOpenShift serves, optionally only those that act on a given item.", Property(help, "Synopsis"));
        Assert.Equal(2, Many(Property(help, "syntax.syntaxItem")).Count);
        Assert.Equal("VeleroOpenShift.Cmdlets.Output.VeleroPluginInfo", Property(help, "returnValues.returnValue.type.name"));
        var names = Many(Property(help, "parameters.parameter")).Select(p => (string)Property(p, "name")!);
        Assert.Equal(["AppliesTo", "Family", "Kind", "Name"], names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ParameterHelpCarriesTheCmdletsBindingMetadata()
    {
        var appliesTo = Help(("Parameter", "AppliesTo"));
        var kind = Help(("Parameter", "Kind"));
        var name = Help(("Parameter", "Name"));

        Assert.Equal(("true", "True (ByValue)", "System.Object"),
            (Property(appliesTo, "required"), Property(appliesTo, "pipelineInput"), Property(appliesTo, "type.name")));
        Assert.Equal("VeleroOpenShift.Velero.PluginKind[]", Property(kind, "type.name"));
        Assert.Equal(("0", "true"), (Property(name, "position"), Property(name, "globbing")));
    }

    [Fact]
    public void TheAboutTopicIsFoundAndListedByItsShortDescription()
    {
        var text = Assert.Single(module.Invoke(ps => ps.AddCommand("Get-Help").AddParameter("Name", "about_VeleroOpenShift")));
        var listed = Assert.Single(module.Invoke(ps => ps.AddCommand("Get-Help").AddParameter("Name", "about_VeleroOpen*")));

        Assert.StartsWith("TOPIC", text.ToString(), StringComparison.Ordinal);
        Assert.Equal("Back up, restore and migrate OpenShift on OpenStack with Velero, from PowerShell or as a Velero plugin.", Property(listed, "Synopsis"));
    }
}
