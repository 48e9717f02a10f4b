namespace VeleroOpenShift.Velero.Transform;

/// <summary>Counts of a restore preview, in total and per kind.</summary>
public sealed class RestorePreviewSummary
{
    private readonly SortedDictionary<string, KindCounts> _byKind = new(StringComparer.Ordinal);

    public int Created => _byKind.Values.Sum(c => c.Created);

    public int Skipped => _byKind.Values.Sum(c => c.Skipped);

    public int Changed => _byKind.Values.Sum(c => c.Changed);

    public IReadOnlyDictionary<string, KindCounts> ByKind => _byKind;

    internal void Count(string kind, bool created, bool changed)
    {
        if (!_byKind.TryGetValue(kind, out var counts))
        {
            counts = new KindCounts();
            _byKind[kind] = counts;
        }

        counts.Created += created ? 1 : 0;
        counts.Skipped += created ? 0 : 1;
        counts.Changed += created && changed ? 1 : 0;
    }

    /// <summary>Created, skipped and changed items of one kind; changed counts created items an action edited.</summary>
    public sealed class KindCounts
    {
        public int Created { get; internal set; }

        public int Skipped { get; internal set; }

        public int Changed { get; internal set; }
    }
}
