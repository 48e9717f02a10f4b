using Grpc.Core;
using VeleroOpenShift.PluginShim.Conversion;
using VeleroOpenShift.PluginShim.Dispatch;
using VeleroOpenShift.PluginShim.Protos.Generated;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.PluginShim.Services;

/// <summary><c>generated.BackupItemAction</c> (kind BackupItemAction, spec §6.5).</summary>
internal sealed class BackupItemActionService(PluginDispatcher dispatcher) : BackupItemAction.BackupItemActionBase
{
    private const PluginKind Kind = PluginKind.BackupItemAction;

    public override Task<BackupItemActionAppliesToResponse> AppliesTo(BackupItemActionAppliesToRequest request, ServerCallContext context) =>
        dispatcher.Describe(Kind, request.Plugin, context, r => new BackupItemActionAppliesToResponse { ResourceSelector = ProtoConvert.ToProto(r.AppliesTo) });

    public override Task<ExecuteResponse> Execute(ExecuteRequest request, ServerCallContext context) =>
        dispatcher.Run<IBackupItemAction, ExecuteResponse>(Kind, request.Plugin, context, async (action, cancellationToken) =>
        {
            var result = await action.ExecuteAsync(Payloads.Item(request.Item, "item"), Payloads.Backup(request.Backup), cancellationToken).ConfigureAwait(false);
            var response = new ExecuteResponse { Item = Payloads.ToBytes(result.Item) };
            response.AdditionalItems.Add(result.AdditionalItems.Select(ProtoConvert.ToProto));
            return response;
        });
}
