using System.Text.Json.Nodes;
using VeleroOpenShift.Errors;

namespace VeleroOpenShift.Tests.OpenShift;

/// <summary>Properties every OpenShift action must have, checked on every registered row.</summary>
public sealed class EveryActionTests
{
    public static IEnumerable<object[]> Plugins() => ActionHarness.Plugins();

    /// <summary>A field the spec does not name is never touched or dropped.</summary>
    [Theory]
    [MemberData(nameof(Plugins))]
    public async Task FieldsTheSpecDoesNotNameSurviveUnchanged(string plugin)
    {
        var registration = ActionHarness.Registration(plugin);
        var item = ActionHarness.SampleFor(registration);
        var before = UnknownFields(item);
        Assert.NotEmpty(before);

        var result = await ActionHarness.RunAsync(registration, item, ActionHarness.Cluster());

        var after = UnknownFields(result);
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, value) in before)
        {
            Json.Equal(value, after[path]);
        }
    }

    public static IEnumerable<object[]> MalformedCases()
    {
        string[] malformed =
        [
            "{'metadata':'not-an-object'}",
            "{'metadata':{'name':'web','namespace':'src','annotations':['a']}}",
            "{'metadata':{'name':'web','namespace':'src','annotations':{'openshift.io/backup-registry-hostname':5,'openshift.io/restore-registry-hostname':true}}}",
            "{'metadata':{'name':'web','namespace':'src','labels':7}}",
            "{'metadata':{'name':12,'namespace':'src'}}",
            "{'metadata':{'name':'web','namespace':'src','ownerReferences':'x'}}",
            "{'metadata':{'name':'web','namespace':'src'},'spec':[]}",
            "{'metadata':{'name':'web','namespace':'src'},'spec':{'template':{'spec':{'containers':null,'initContainers':[]}},'volumes':null}}",
            "{'metadata':{'name':'web','namespace':'src','annotations':{'openshift.io/backup-registry-hostname':'old-reg:5000','openshift.io/restore-registry-hostname':'new-reg:5000'}},'spec':{'template':{'spec':{'containers':[3]}},'containers':[[]]}}",
            "{}",
        ];
        foreach (var plugin in ActionHarness.Plugins())
        {
            for (var i = 0; i < malformed.Length; i++)
            {
                yield return [plugin[0], i, malformed[i]];
            }
        }
    }

    /// <summary>Bad input is reported as the engine's own errors, an item error naming its field; never anything else.</summary>
    [Theory]
    [MemberData(nameof(MalformedCases))]
    public async Task MalformedItemsFailOnlyWithTheEnginesErrors(string plugin, int variant, string json)
    {
        var registration = ActionHarness.Registration(plugin);
        var item = Json.O(json);
        var sample = ActionHarness.SampleFor(registration);
        item["apiVersion"] = sample["apiVersion"]!.DeepClone();
        item["kind"] = sample["kind"]!.DeepClone();

        var error = await Record.ExceptionAsync(() => ActionHarness.RunAsync(registration, item, ActionHarness.Cluster()));

        if (error is not null)
        {
            Assert.True(error is VeleroOpenShiftException, $"variant {variant}: {error.GetType().Name}: {error.Message}");
            if (error is InvalidItemException invalid)
            {
                Assert.False(string.IsNullOrEmpty(invalid.Field), $"variant {variant}: {invalid.Message}");
            }
        }
    }

    private static Dictionary<string, JsonNode?> UnknownFields(JsonNode? node, string path = "$")
    {
        var found = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key.StartsWith("x-unknown", StringComparison.Ordinal))
                    {
                        found[$"{path}.{key}"] = value?.DeepClone();
                    }
                    else
                    {
                        foreach (var pair in UnknownFields(value, $"{path}.{key}"))
                        {
                            found[pair.Key] = pair.Value;
                        }
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var pair in UnknownFields(array[i], $"{path}[{i}]"))
                    {
                        found[pair.Key] = pair.Value;
                    }
                }

                break;
        }

        return found;
    }
}
