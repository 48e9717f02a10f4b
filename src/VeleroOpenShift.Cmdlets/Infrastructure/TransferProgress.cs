using System.Management.Automation;

namespace VeleroOpenShift.Cmdlets.Infrastructure;

/// <summary>Write-Progress for one transfer, written only when the shown figure changes so that a fast copy does not flood the host.</summary>
internal sealed class TransferProgress(PipelineQueue pipeline, int activityId, string activity, string description, long? total)
{
    private readonly ProgressRecord _record = new(activityId, activity, description);
    private long _shown = -1;

    public void Report(long done)
    {
        var figure = total is > 0 ? 100 * done / total.Value : done >> 20;
        if (figure == Interlocked.Exchange(ref _shown, figure))
        {
            return;
        }

        _record.PercentComplete = total is > 0 ? (int)Math.Min(100, figure) : -1;
        _record.StatusDescription = total is > 0 ? $"{done:N0} of {total:N0} bytes" : $"{done:N0} bytes";
        pipeline.WriteProgress(_record);
    }

    public void Complete()
    {
        _record.RecordType = ProgressRecordType.Completed;
        pipeline.WriteProgress(_record);
    }
}
