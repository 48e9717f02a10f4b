using System.Management.Automation;

namespace VeleroOpenShift.Cmdlets.Infrastructure;

/// <summary>Write-Progress for a wait on an OpenStack resource: each status read becomes the progress line.</summary>
internal sealed class WaitProgress(PipelineQueue pipeline, int activityId, string activity) : IProgress<string>
{
    private readonly ProgressRecord _record = new(activityId, activity, "starting");

    public void Report(string value)
    {
        _record.StatusDescription = $"status {value}";
        pipeline.WriteProgress(_record);
    }

    public void Complete()
    {
        _record.RecordType = ProgressRecordType.Completed;
        pipeline.WriteProgress(_record);
    }
}
