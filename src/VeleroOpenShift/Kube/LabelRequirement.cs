using System.Globalization;

namespace VeleroOpenShift.Kube;

public enum LabelOperator
{
    In,
    NotIn,
    NotEquals,
    Exists,
    DoesNotExist,
    GreaterThan,
    LessThan,
}

/// <summary>One requirement of a label selector.</summary>
public sealed record LabelRequirement(string Key, LabelOperator Operator, IReadOnlyList<string> Values)
{
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        var has = labels.TryGetValue(Key, out var value);
        return Operator switch
        {
            LabelOperator.In => has && Values.Contains(value),
            LabelOperator.NotIn or LabelOperator.NotEquals => !has || !Values.Contains(value),
            LabelOperator.Exists => has,
            LabelOperator.DoesNotExist => !has,
            LabelOperator.GreaterThan => has && Compare(value!) > 0,
            LabelOperator.LessThan => has && Compare(value!) < 0,
            _ => false,
        };
    }

    public override string ToString() => Operator switch
    {
        LabelOperator.In when Values.Count == 1 => $"{Key}={Values[0]}",
        LabelOperator.In => $"{Key} in ({string.Join(',', Values)})",
        LabelOperator.NotEquals => $"{Key}!={Values[0]}",
        LabelOperator.NotIn => $"{Key} notin ({string.Join(',', Values)})",
        LabelOperator.Exists => Key,
        LabelOperator.DoesNotExist => $"!{Key}",
        LabelOperator.GreaterThan => $"{Key}>{Values[0]}",
        LabelOperator.LessThan => $"{Key}<{Values[0]}",
        _ => Key,
    };

    // A label value that is not an integer never satisfies > or <, as in Kubernetes.
    private int Compare(string labelValue) =>
        long.TryParse(labelValue, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var actual)
            ? actual.CompareTo(long.Parse(Values[0], CultureInfo.InvariantCulture))
            : 0;
}
