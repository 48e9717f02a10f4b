using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using VeleroOpenShift.PluginShim.Conversion;
using VeleroOpenShift.PluginShim.Dispatch;
using VeleroOpenShift.PluginShim.Protos.V2;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.PluginShim.Services;

/// <summary><c>v2.BackupItemAction</c> (kind BackupItemActionV2, spec §6.6).</summary>
internal sealed class BackupItemActionV2Service(PluginDispatcher dispatcher) : BackupItemAction.BackupItemActionBase
{
    private const PluginKind Kind = PluginKind.BackupItemActionV2;

    public override Task<BackupItemActionAppliesToResponse> AppliesTo(BackupItemActionAppliesToRequest request, ServerCallContext context) =>
        dispatcher.Describe(Kind, request.Plugin, context, r => new BackupItemActionAppliesToResponse { ResourceSelector = ProtoConvert.ToProto(r.AppliesTo) });

    public override Task<ExecuteResponse> Execute(ExecuteRequest request, ServerCallContext context) =>
        dispatcher.Run<IBackupItemActionV2, ExecuteResponse>(Kind, request.Plugin, context, async (action, cancellationToken) =>
        {
            var result = await action.ExecuteAsync(Payloads.Item(request.Item, "item"), Payloads.Backup(request.Backup), cancellationToken).ConfigureAwait(false);
            var response = new ExecuteResponse { Item = Payloads.ToBytes(result.Item), OperationID = result.OperationId ?? string.Empty };
            response.AdditionalItems.Add(result.AdditionalItems.Select(ProtoConvert.ToProto));
            response.PostOperationItems.Add(result.PostOperationItems.Select(ProtoConvert.ToProto));
            return response;
        });

    public override Task<BackupItemActionProgressResponse> Progress(BackupItemActionProgressRequest request, ServerCallContext context) =>
        dispatcher.Run<IBackupItemActionV2, BackupItemActionProgressResponse>(Kind, request.Plugin, context, async (action, cancellationToken) =>
        {
            var progress = await action.ProgressAsync(request.OperationID, Payloads.Backup(request.Backup), cancellationToken).ConfigureAwait(false);
            return new BackupItemActionProgressResponse { Progress = ProtoConvert.ToProto(progress) };
        });

    public override Task<Empty> Cancel(BackupItemActionCancelRequest request, ServerCallContext context) =>
        dispatcher.Run<IBackupItemActionV2, Empty>(Kind, request.Plugin, context, async (action, cancellationToken) =>
        {
            await action.CancelAsync(request.OperationID, Payloads.Backup(request.Backup), cancellationToken).ConfigureAwait(false);
            return new Empty();
        });
}
