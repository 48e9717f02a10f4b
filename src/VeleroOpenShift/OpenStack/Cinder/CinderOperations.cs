using Microsoft.Extensions.Logging;
using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenStack.Glance;
using VeleroOpenShift.OpenStack.Volumes;

namespace VeleroOpenShift.OpenStack.Cinder;

/// <summary>
/// What every Cinder method uses: the clients, the settings, the waits of spec §8.4, ensure-delete of §8.5, generated
/// names, and the error wrapping of the reference ("failed to …: cause", logged at error level before it is returned).
/// </summary>
internal sealed class CinderOperations(CinderClient cinder, GlanceClient? glance, CinderSettings settings, ResourceNames names, TimeProvider time, ILogger logger)
{
    private static readonly string[] VolumeReady = [ResourceStatus.Available, ResourceStatus.InUse];
    private static readonly string[] Available = [ResourceStatus.Available];
    private static readonly string[] Active = [ResourceStatus.Active];
    private static readonly string[] Gone = [ResourceStatus.Deleted];

    public CinderClient Cinder => cinder;

    public GlanceClient Glance => glance ?? throw new InvalidOperationException("the image method needs the Glance client that Init creates for it");

    public CinderSettings Settings => settings;

    public ResourceNames Names => names;

    public ILogger Logger => logger;

    public Task<CinderVolume> WaitVolumeAsync(string id, TimeSpan timeout, CancellationToken cancellationToken) =>
        WaitAsync($"volume {id}", token => cinder.GetVolumeAsync(id, token), v => v.Status, VolumeReady, timeout, cancellationToken);

    public Task<CinderSnapshot> WaitSnapshotAsync(string id, CancellationToken cancellationToken) =>
        WaitAsync($"snapshot {id}", token => cinder.GetSnapshotAsync(id, token), s => s.Status, Available, settings.SnapshotTimeout, cancellationToken);

    public Task<CinderBackup> WaitBackupAsync(string id, CancellationToken cancellationToken) =>
        WaitAsync($"backup {id}", token => cinder.GetBackupAsync(id, token), b => b.Status ?? "", Available, settings.BackupTimeout, cancellationToken);

    public Task<GlanceImage> WaitImageAsync(string id, CancellationToken cancellationToken) =>
        WaitAsync($"image {id}", token => Glance.GetImageAsync(id, token), i => i.Status, Active, settings.ImageTimeout, cancellationToken);

    /// <summary>Creates a volume and waits for it with <c>volumeTimeout</c>; returns its id.</summary>
    public async Task<string> CreateVolumeAsync(VolumeCreate volume, string source, CancellationToken cancellationToken)
    {
        var created = await Step($"failed to create volume {volume.Name} from {source}", $"volume {volume.Name}",
            () => cinder.CreateVolumeAsync(volume, cancellationToken)).ConfigureAwait(false);
        await Step($"volume {created.Id} didn't get into 'available' state within the time limit", $"volume {created.Id}",
            () => WaitVolumeAsync(created.Id, settings.VolumeTimeout, cancellationToken)).ConfigureAwait(false);
        return created.Id;
    }

    public Task<CinderVolume> GetVolumeAsync(string id, CancellationToken cancellationToken) =>
        Step($"failed to get volume {id} from cinder", $"volume {id}", () => cinder.GetVolumeAsync(id, cancellationToken));

    /// <summary>
    /// Delete-and-verify (spec §8.5) of a volume, snapshot or backup: delete, wait for 404, reset an error status
    /// and delete again, all within <paramref name="timeout"/>.
    /// </summary>
    public Task EnsureDeletedAsync(CinderResourceType type, string id, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var kind = type.Noun();
        var resource = $"{kind} {id}";
        return new EnsureDeleted(time).RunAsync(
            resource,
            async token =>
            {
                try
                {
                    await cinder.DeleteAsync(type, id, token).ConfigureAwait(false);
                }
                catch (OpenStackServiceException e)
                {
                    logger.LogInformation("failed to delete a {Id} {Kind}: {Error}", id, kind, e.Message);
                    throw;
                }
            },
            async token =>
            {
                try
                {
                    await new StatusPoller(time).WaitAsync(resource, t => cinder.GetStatusAsync(type, id, t), status => status, Gone, timeout, token).ConfigureAwait(false);
                }
                catch (ResourceStateException e)
                {
                    logger.LogInformation("failed to wait for a {Id} {Kind} status: {Error}", id, kind, e.Message);
                    throw;
                }
            },
            async token =>
            {
                logger.LogInformation("resetting a {Id} {Kind} status and trying again", id, kind);
                try
                {
                    await cinder.ResetStatusAsync(type, id, ResourceStatus.Error, token).ConfigureAwait(false);
                }
                catch (OpenStackServiceException e)
                {
                    logger.LogInformation("failed to reset a {Id} {Kind} status: {Error}", id, kind, e.Message);
                    throw;
                }
            },
            timeout,
            settings.EnsureDeletedDelay,
            cancellationToken);
    }

    /// <summary>
    /// A plain delete; a resource already gone is logged at info level as <paramref name="alreadyDeleted"/> and is
    /// success (spec §5.7).
    /// </summary>
    public async Task DeleteAsync(CinderResourceType type, string id, string alreadyDeleted, CancellationToken cancellationToken)
    {
        try
        {
            await cinder.DeleteAsync(type, id, cancellationToken).ConfigureAwait(false);
        }
        catch (OpenStackServiceException e) when (e.Status == System.Net.HttpStatusCode.NotFound)
        {
            logger.LogInformation("{AlreadyDeleted} {Id}", alreadyDeleted, id);
        }
    }

    /// <summary>Runs one step of a method; a failure is logged and returned as "<paramref name="failure"/>: cause".</summary>
    public async Task<T> Step<T>(string failure, string target, Func<Task<T>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception e) when (e is VeleroOpenShiftException or HttpRequestException or IOException)
        {
            logger.LogError(e, "{Failure}", failure);
            throw OpenStackException.Wrap(failure, e, target);
        }
    }

    public Task Step(string failure, string target, Func<Task> action) =>
        Step(failure, target, async () =>
        {
            await action().ConfigureAwait(false);
            return true;
        });

    private async Task<T> WaitAsync<T>(string resource, Func<CancellationToken, Task<T>> fetch, Func<T, string> statusOf, string[] targets, TimeSpan timeout, CancellationToken cancellationToken)
        where T : class =>
        await new StatusPoller(time).WaitAsync(resource, fetch, statusOf, targets, timeout, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"{resource}: a wait without 'deleted' among its targets ended without the resource");
}
