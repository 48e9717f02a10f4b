using Grpc.Core;
using VeleroOpenShift.PluginShim.Conversion;
using VeleroOpenShift.PluginShim.Dispatch;
using VeleroOpenShift.PluginShim.Protos.V1;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.PluginShim.Services;

/// <summary><c>v1.ItemBlockAction</c> (kind ItemBlockAction, Velero 1.15 and later, spec §6.10).</summary>
internal sealed class ItemBlockActionService(PluginDispatcher dispatcher) : ItemBlockAction.ItemBlockActionBase
{
    private const PluginKind Kind = PluginKind.ItemBlockAction;

    public override Task<ItemBlockActionAppliesToResponse> AppliesTo(ItemBlockActionAppliesToRequest request, ServerCallContext context) =>
        dispatcher.Describe(Kind, request.Plugin, context, r => new ItemBlockActionAppliesToResponse { ResourceSelector = ProtoConvert.ToProto(r.AppliesTo) });

    public override Task<ItemBlockActionGetRelatedItemsResponse> GetRelatedItems(ItemBlockActionGetRelatedItemsRequest request, ServerCallContext context) =>
        dispatcher.Run<IItemBlockAction, ItemBlockActionGetRelatedItemsResponse>(Kind, request.Plugin, context, async (action, cancellationToken) =>
        {
            var related = await action.GetRelatedItemsAsync(Payloads.Item(request.Item, "item"), Payloads.Backup(request.Backup), cancellationToken).ConfigureAwait(false);
            var response = new ItemBlockActionGetRelatedItemsResponse();
            response.RelatedItems.Add(related.Select(ProtoConvert.ToProto));
            return response;
        });
}
