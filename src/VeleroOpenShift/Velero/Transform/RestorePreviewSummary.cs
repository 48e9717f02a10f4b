namespace VeleroOpenShift.Velero.Transform;

/// <summary>Counts of a restore preview, in total and per kind.</summary>
public sealed class RestorePreviewSummary
{
    private readonly SortedDictionary<string, KindCounts> _byKind = new(StringComparer.Ordinal);

    public int Created => _byKind.Values.Sum(c => c.Created);

    public int Skipped => _byKind.Values.Sum(c => c.Skipped);

    public int Filtered => _byKind.Values.Sum(c => c.Filtered);

    public int Failed => _byKind.Values.Sum(c => c.Failed);

    /// <summary>Created items that an action edited beyond what Velero itself does.</summary>
    public int Changed => _byKind.Values.Sum(c => c.Changed);

    /// <summary>Files of the archive that were not valid JSON.</summary>
    public int Invalid { get; private set; }

    public IReadOnlyDictionary<string, KindCounts> ByKind => _byKind;

    internal void CountInvalid() => Invalid++;

    internal void Count(string kind, RestorePreviewOutcome outcome, bool changed)
    {
        if (!_byKind.TryGetValue(kind, out var counts))
        {
            counts = new KindCounts();
            _byKind[kind] = counts;
        }

        switch (outcome)
        {
            case RestorePreviewOutcome.Created:
                counts.Created++;
                counts.Changed += changed ? 1 : 0;
                break;
            case RestorePreviewOutcome.Skipped:
                counts.Skipped++;
                break;
            case RestorePreviewOutcome.Filtered:
                counts.Filtered++;
                break;
            case RestorePreviewOutcome.Failed:
                counts.Failed++;
                break;
        }
    }

    public sealed class KindCounts
    {
        public int Created { get; internal set; }

        public int Skipped { get; internal set; }

        public int Filtered { get; internal set; }

        public int Failed { get; internal set; }

        public int Changed { get; internal set; }
    }
}
