using Grpc.Core;
using VeleroOpenShift.PluginShim.Conversion;
using VeleroOpenShift.PluginShim.Dispatch;
using VeleroOpenShift.PluginShim.Protos.Generated;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.PluginShim.Services;

/// <summary><c>generated.DeleteItemAction</c> (kind DeleteItemAction, spec §6.9).</summary>
internal sealed class DeleteItemActionService(PluginDispatcher dispatcher) : DeleteItemAction.DeleteItemActionBase
{
    private const PluginKind Kind = PluginKind.DeleteItemAction;

    public override Task<DeleteItemActionAppliesToResponse> AppliesTo(DeleteItemActionAppliesToRequest request, ServerCallContext context) =>
        dispatcher.Describe(Kind, request.Plugin, context, r => new DeleteItemActionAppliesToResponse { ResourceSelector = ProtoConvert.ToProto(r.AppliesTo) });

    public override Task<Empty> Execute(DeleteItemActionExecuteRequest request, ServerCallContext context) =>
        dispatcher.Run<IDeleteItemAction, Empty>(Kind, request.Plugin, context, async (action, cancellationToken) =>
        {
            await action.ExecuteAsync(Payloads.Item(request.Item, "item"), Payloads.Backup(request.Backup), cancellationToken).ConfigureAwait(false);
            return new Empty();
        });
}
