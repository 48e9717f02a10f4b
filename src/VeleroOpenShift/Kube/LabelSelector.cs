using System.Globalization;
using System.Text.Json.Nodes;
using VeleroOpenShift.Errors;

namespace VeleroOpenShift.Kube;

/// <summary>
/// A Kubernetes label selector: the string form (<c>app=web,tier!=db,env in (a,b),!legacy</c>) or the
/// object form (<c>matchLabels</c>, <c>matchExpressions</c>). Requirements are ANDed; <c>!=</c> and
/// <c>notin</c> also match items without the label, as in Kubernetes.
/// </summary>
public sealed class LabelSelector
{
    private readonly IReadOnlyList<LabelRequirement> _requirements;

    private LabelSelector(IReadOnlyList<LabelRequirement> requirements) => _requirements = requirements;

    public static LabelSelector Everything { get; } = new([]);

    public IReadOnlyList<LabelRequirement> Requirements => _requirements;

    public bool IsEverything => _requirements.Count == 0;

    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return _requirements.All(requirement => requirement.Matches(labels));
    }

    public override string ToString() => string.Join(',', _requirements);

    /// <summary>Parses the string form; an empty string selects everything.</summary>
    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var requirements = new List<LabelRequirement>();
        foreach (var clause in SplitClauses(text))
        {
            requirements.Add(ParseClause(clause.Trim(), text));
        }

        return new LabelSelector(requirements);
    }

    /// <summary>Reads the object form (<c>matchLabels</c> and <c>matchExpressions</c>) found in Backup and Restore specs.</summary>
    public static LabelSelector FromObject(JsonObject selector, ItemReference owner, string path)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var requirements = new List<LabelRequirement>();
        foreach (var (key, value) in ItemFields.GetStringMap(selector, "matchLabels", owner))
        {
            requirements.Add(new LabelRequirement(key, LabelOperator.In, [value]));
        }

        var expressions = ItemFields.GetArray(selector, "matchExpressions", owner);
        for (var i = 0; expressions is not null && i < expressions.Count; i++)
        {
            var at = $"{path}.matchExpressions[{i}]";
            var expression = expressions[i] as JsonObject
                ?? throw new InvalidItemException(owner, at, $"must be an object, got {KubeJson.Describe(expressions[i])}");
            var key = ItemFields.GetString(expression, "key", owner)
                ?? throw new InvalidItemException(owner, $"{at}.key", "is required");
            var op = ItemFields.GetString(expression, "operator", owner) switch
            {
                "In" => LabelOperator.In,
                "NotIn" => LabelOperator.NotIn,
                "Exists" => LabelOperator.Exists,
                "DoesNotExist" => LabelOperator.DoesNotExist,
                var other => throw new InvalidItemException(owner, $"{at}.operator", $"must be In, NotIn, Exists or DoesNotExist, got '{other}'"),
            };
            var values = ItemFields.GetArray(expression, "values", owner)?
                .Select((v, j) => v is JsonValue s && s.TryGetValue(out string? text)
                    ? text
                    : throw new InvalidItemException(owner, $"{at}.values[{j}]", $"must be a string, got {KubeJson.Describe(v)}"))
                .ToArray() ?? [];
            requirements.Add(new LabelRequirement(key, op, values));
        }

        return new LabelSelector(requirements);
    }

    private static IEnumerable<string> SplitClauses(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case ',' when depth == 0:
                    yield return text[start..i];
                    start = i + 1;
                    break;
            }
        }

        yield return text[start..];
    }

    private static LabelRequirement ParseClause(string clause, string whole)
    {
        if (clause.Length == 0)
        {
            throw Invalid(whole, "has an empty requirement");
        }

        if (clause[0] == '!')
        {
            return new LabelRequirement(ValidKey(clause[1..].Trim(), whole), LabelOperator.DoesNotExist, []);
        }

        foreach (var (token, op) in SymbolOperators)
        {
            var at = clause.IndexOf(token, StringComparison.Ordinal);
            if (at > 0)
            {
                var key = ValidKey(clause[..at].Trim(), whole);
                var value = clause[(at + token.Length)..].Trim();
                if (op is LabelOperator.GreaterThan or LabelOperator.LessThan
                    && !long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
                {
                    throw Invalid(whole, $"'{clause}' compares with '{value}', which is not an integer");
                }

                return new LabelRequirement(key, op, [value]);
            }
        }

        var words = clause.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 2)
        {
            var rest = words[1];
            var setOp = rest.StartsWith("notin", StringComparison.Ordinal) ? LabelOperator.NotIn
                : rest.StartsWith("in", StringComparison.Ordinal) ? LabelOperator.In
                : throw Invalid(whole, $"'{clause}' is not a requirement (expected =, ==, !=, in, notin, >, <)");
            var list = rest[(setOp == LabelOperator.NotIn ? 5 : 2)..].Trim();
            if (list.Length < 2 || list[0] != '(' || list[^1] != ')')
            {
                throw Invalid(whole, $"'{clause}' needs a parenthesised value list");
            }

            var values = list[1..^1].Split(',', StringSplitOptions.TrimEntries);
            return new LabelRequirement(ValidKey(words[0], whole), setOp, values);
        }

        return new LabelRequirement(ValidKey(clause, whole), LabelOperator.Exists, []);
    }

    private static readonly (string Token, LabelOperator Op)[] SymbolOperators =
    [
        ("!=", LabelOperator.NotEquals),
        ("==", LabelOperator.In),
        ("=", LabelOperator.In),
        (">", LabelOperator.GreaterThan),
        ("<", LabelOperator.LessThan),
    ];

    private static string ValidKey(string key, string whole)
    {
        if (key.Length == 0 || key.Any(c => char.IsWhiteSpace(c) || c is '(' or ')' or ',' or '!' or '=' or '<' or '>'))
        {
            throw Invalid(whole, $"'{key}' is not a valid label key");
        }

        return key;
    }

    private static InvalidInputException Invalid(string selector, string problem) =>
        new($"label selector '{selector}'", problem);
}
