using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Text.Json.Nodes;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Kube;

namespace VeleroOpenShift.Cmdlets.Infrastructure;

/// <summary>
/// Turns what a PowerShell user pipes in (JSON text, a hashtable, the PSCustomObject of ConvertFrom-Json,
/// a JsonObject) into the JSON object the engine edits. Anything else is an InvalidItem error naming the input.
/// </summary>
internal static class ItemConverter
{
    public static JsonObject ToJsonObject(object? input, string what)
    {
        var value = input is PSObject wrapped && wrapped.BaseObject is not PSCustomObject ? wrapped.BaseObject : input;
        return value switch
        {
            JsonObject json => json,
            string text => KubeJson.ParseObject(text, ItemReference.Payload(what)),
            null => throw new InvalidItemException(ItemReference.Payload(what), null, "is null; a Kubernetes object was expected"),
            _ => ToNode(value, what, depth: 0) as JsonObject
                ?? throw new InvalidItemException(ItemReference.Payload(what), null, $"must be an object, a hashtable or JSON text, got {value.GetType().Name}"),
        };
    }

    private static JsonNode? ToNode(object? value, string what, int depth)
    {
        if (depth > 100)
        {
            throw new InvalidItemException(ItemReference.Payload(what), null, "is nested more than 100 levels deep");
        }

        if (value is PSObject ps && ps.BaseObject is not PSCustomObject)
        {
            value = ps.BaseObject;
        }

        switch (value)
        {
            case null:
                return null;
            case JsonNode node:
                return node.DeepClone();
            case string s:
                return JsonValue.Create(s);
            case bool b:
                return JsonValue.Create(b);
            case int or long or short or byte or sbyte or ushort or uint or ulong:
                return JsonValue.Create(Convert.ToInt64(value, CultureInfo.InvariantCulture));
            case double or float or decimal:
                return JsonValue.Create(Convert.ToDecimal(value, CultureInfo.InvariantCulture));
            case DateTime or DateTimeOffset:
                return JsonValue.Create(((IFormattable)value).ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture));
            case IDictionary dictionary:
                var fromDictionary = new JsonObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    fromDictionary[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty] = ToNode(entry.Value, what, depth + 1);
                }

                return fromDictionary;
            case PSObject custom:
                var fromObject = new JsonObject();
                foreach (var property in custom.Properties)
                {
                    fromObject[property.Name] = ToNode(property.Value, what, depth + 1);
                }

                return fromObject;
            case IEnumerable sequence:
                var array = new JsonArray();
                foreach (var element in sequence)
                {
                    array.Add(ToNode(element, what, depth + 1));
                }

                return array;
            default:
                return JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture));
        }
    }
}
