using Grpc.Core;
using VeleroOpenShift.PluginShim.Conversion;
using VeleroOpenShift.PluginShim.Dispatch;
using VeleroOpenShift.PluginShim.Protos.Generated;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.PluginShim.Services;

/// <summary><c>generated.RestoreItemAction</c> (kind RestoreItemAction, spec §6.7).</summary>
internal sealed class RestoreItemActionService(PluginDispatcher dispatcher) : RestoreItemAction.RestoreItemActionBase
{
    private const PluginKind Kind = PluginKind.RestoreItemAction;

    public override Task<RestoreItemActionAppliesToResponse> AppliesTo(RestoreItemActionAppliesToRequest request, ServerCallContext context) =>
        dispatcher.Describe(Kind, request.Plugin, context, r => new RestoreItemActionAppliesToResponse { ResourceSelector = ProtoConvert.ToProto(r.AppliesTo) });

    public override Task<RestoreItemActionExecuteResponse> Execute(RestoreItemActionExecuteRequest request, ServerCallContext context) =>
        dispatcher.Run<IRestoreItemAction, RestoreItemActionExecuteResponse>(Kind, request.Plugin, context, async (action, cancellationToken) =>
        {
            var result = await action.ExecuteAsync(
                Payloads.Item(request.Item, "item"),
                Payloads.Item(request.ItemFromBackup, "itemFromBackup"),
                Payloads.Restore(request.Restore),
                cancellationToken).ConfigureAwait(false);

            // The item goes back even with skipRestore: Velero decodes it either way.
            var response = new RestoreItemActionExecuteResponse { Item = Payloads.ToBytes(result.Item), SkipRestore = result.SkipRestore };
            response.AdditionalItems.Add(result.AdditionalItems.Select(ProtoConvert.ToProto));
            return response;
        });
}
