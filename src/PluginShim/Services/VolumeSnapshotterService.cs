using Grpc.Core;
using VeleroOpenShift.PluginShim.Conversion;
using VeleroOpenShift.PluginShim.Dispatch;
using VeleroOpenShift.PluginShim.Protos.Generated;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.PluginShim.Services;

/// <summary><c>generated.VolumeSnapshotter</c> (kind VolumeSnapshotter, spec §6.12).</summary>
internal sealed class VolumeSnapshotterService(PluginDispatcher dispatcher) : VolumeSnapshotter.VolumeSnapshotterBase
{
    private const PluginKind Kind = PluginKind.VolumeSnapshotter;

    public override Task<Empty> Init(VolumeSnapshotterInitRequest request, ServerCallContext context) =>
        dispatcher.Run<IVolumeSnapshotter, Empty>(Kind, request.Plugin, context, async (snapshotter, cancellationToken) =>
        {
            await snapshotter.InitAsync(new Dictionary<string, string>(request.Config), cancellationToken).ConfigureAwait(false);
            return new Empty();
        });

    public override Task<CreateVolumeResponse> CreateVolumeFromSnapshot(CreateVolumeRequest request, ServerCallContext context) =>
        dispatcher.Run<IVolumeSnapshotter, CreateVolumeResponse>(Kind, request.Plugin, context, async (snapshotter, cancellationToken) =>
        {
            // On the wire 0 means "not specified".
            long? iops = request.Iops == 0 ? null : request.Iops;
            var volumeId = await snapshotter.CreateVolumeFromSnapshotAsync(request.SnapshotID, request.VolumeType, request.VolumeAZ, iops, cancellationToken).ConfigureAwait(false);
            return new CreateVolumeResponse { VolumeID = volumeId };
        });

    public override Task<GetVolumeInfoResponse> GetVolumeInfo(GetVolumeInfoRequest request, ServerCallContext context) =>
        dispatcher.Run<IVolumeSnapshotter, GetVolumeInfoResponse>(Kind, request.Plugin, context, async (snapshotter, cancellationToken) =>
        {
            var info = await snapshotter.GetVolumeInfoAsync(request.VolumeID, request.VolumeAZ, cancellationToken).ConfigureAwait(false);
            return new GetVolumeInfoResponse { VolumeType = info.VolumeType, Iops = info.Iops ?? 0 };
        });

    public override Task<CreateSnapshotResponse> CreateSnapshot(CreateSnapshotRequest request, ServerCallContext context) =>
        dispatcher.Run<IVolumeSnapshotter, CreateSnapshotResponse>(Kind, request.Plugin, context, async (snapshotter, cancellationToken) =>
        {
            var snapshotId = await snapshotter.CreateSnapshotAsync(request.VolumeID, request.VolumeAZ, new Dictionary<string, string>(request.Tags), cancellationToken).ConfigureAwait(false);
            return new CreateSnapshotResponse { SnapshotID = snapshotId };
        });

    public override Task<Empty> DeleteSnapshot(DeleteSnapshotRequest request, ServerCallContext context) =>
        dispatcher.Run<IVolumeSnapshotter, Empty>(Kind, request.Plugin, context, async (snapshotter, cancellationToken) =>
        {
            await snapshotter.DeleteSnapshotAsync(request.SnapshotID, cancellationToken).ConfigureAwait(false);
            return new Empty();
        });

    public override Task<GetVolumeIDResponse> GetVolumeID(GetVolumeIDRequest request, ServerCallContext context) =>
        dispatcher.Run<IVolumeSnapshotter, GetVolumeIDResponse>(Kind, request.Plugin, context, async (snapshotter, cancellationToken) =>
        {
            var volumeId = await snapshotter.GetVolumeIdAsync(Payloads.Item(request.PersistentVolume, "persistentVolume"), cancellationToken).ConfigureAwait(false);
            return new GetVolumeIDResponse { VolumeID = volumeId ?? string.Empty };
        });

    public override Task<SetVolumeIDResponse> SetVolumeID(SetVolumeIDRequest request, ServerCallContext context) =>
        dispatcher.Run<IVolumeSnapshotter, SetVolumeIDResponse>(Kind, request.Plugin, context, async (snapshotter, cancellationToken) =>
        {
            var updated = await snapshotter.SetVolumeIdAsync(Payloads.Item(request.PersistentVolume, "persistentVolume"), request.VolumeID, cancellationToken).ConfigureAwait(false);
            return new SetVolumeIDResponse { PersistentVolume = Payloads.ToBytes(updated) };
        });
}
