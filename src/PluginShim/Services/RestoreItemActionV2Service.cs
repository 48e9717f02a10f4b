using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using VeleroOpenShift.PluginShim.Conversion;
using VeleroOpenShift.PluginShim.Dispatch;
using VeleroOpenShift.PluginShim.Protos.V2;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.PluginShim.Services;

/// <summary><c>v2.RestoreItemAction</c> (kind RestoreItemActionV2, spec §6.8).</summary>
internal sealed class RestoreItemActionV2Service(PluginDispatcher dispatcher) : RestoreItemAction.RestoreItemActionBase
{
    private const PluginKind Kind = PluginKind.RestoreItemActionV2;

    public override Task<RestoreItemActionAppliesToResponse> AppliesTo(RestoreItemActionAppliesToRequest request, ServerCallContext context) =>
        dispatcher.Describe(Kind, request.Plugin, context, r => new RestoreItemActionAppliesToResponse { ResourceSelector = ProtoConvert.ToProto(r.AppliesTo) });

    public override Task<RestoreItemActionExecuteResponse> Execute(RestoreItemActionExecuteRequest request, ServerCallContext context) =>
        dispatcher.Run<IRestoreItemActionV2, RestoreItemActionExecuteResponse>(Kind, request.Plugin, context, async (action, cancellationToken) =>
        {
            var result = await action.ExecuteAsync(
                Payloads.Item(request.Item, "item"),
                Payloads.Item(request.ItemFromBackup, "itemFromBackup"),
                Payloads.Restore(request.Restore),
                cancellationToken).ConfigureAwait(false);

            var response = new RestoreItemActionExecuteResponse
            {
                Item = Payloads.ToBytes(result.Item),
                SkipRestore = result.SkipRestore,
                OperationID = result.OperationId ?? string.Empty,
                WaitForAdditionalItems = result.WaitForAdditionalItems,
                AdditionalItemsReadyTimeout = Duration.FromTimeSpan(result.AdditionalItemsReadyTimeout),
            };
            response.AdditionalItems.Add(result.AdditionalItems.Select(ProtoConvert.ToProto));
            return response;
        });

    public override Task<RestoreItemActionProgressResponse> Progress(RestoreItemActionProgressRequest request, ServerCallContext context) =>
        dispatcher.Run<IRestoreItemActionV2, RestoreItemActionProgressResponse>(Kind, request.Plugin, context, async (action, cancellationToken) =>
        {
            var progress = await action.ProgressAsync(request.OperationID, Payloads.Restore(request.Restore), cancellationToken).ConfigureAwait(false);
            return new RestoreItemActionProgressResponse { Progress = ProtoConvert.ToProto(progress) };
        });

    public override Task<Empty> Cancel(RestoreItemActionCancelRequest request, ServerCallContext context) =>
        dispatcher.Run<IRestoreItemActionV2, Empty>(Kind, request.Plugin, context, async (action, cancellationToken) =>
        {
            await action.CancelAsync(request.OperationID, Payloads.Restore(request.Restore), cancellationToken).ConfigureAwait(false);
            return new Empty();
        });

    public override Task<RestoreItemActionItemsReadyResponse> AreAdditionalItemsReady(RestoreItemActionItemsReadyRequest request, ServerCallContext context) =>
        dispatcher.Run<IRestoreItemActionV2, RestoreItemActionItemsReadyResponse>(Kind, request.Plugin, context, async (action, cancellationToken) =>
        {
            var items = request.AdditionalItems.Select(ProtoConvert.FromProto).ToList();
            var ready = await action.AreAdditionalItemsReadyAsync(items, Payloads.Restore(request.Restore), cancellationToken).ConfigureAwait(false);
            return new RestoreItemActionItemsReadyResponse { Ready = ready };
        });
}
