using System.Management.Automation;

namespace VeleroOpenShift.Cmdlets.Infrastructure;

/// <summary>Write-Progress for a status wait: the status of each read, written only when it changes.</summary>
internal sealed class WaitProgress(PipelineQueue pipeline, int activityId, string activity) : IProgress<string>
{
    private readonly ProgressRecord _record = new(activityId, activity, "Starting");
    private string? _shown;

    public void Report(string value)
    {
        if (value == Interlocked.Exchange(ref _shown, value))
        {
            return;
        }

        _record.StatusDescription = $"Status: {(value.Length == 0 ? "(none)" : value)}";
        pipeline.WriteProgress(_record);
    }

    public void Complete()
    {
        _record.RecordType = ProgressRecordType.Completed;
        pipeline.WriteProgress(_record);
    }
}
