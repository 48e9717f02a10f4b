using Microsoft.Extensions.Logging;
using VeleroOpenShift.OpenStack.Volumes;

namespace VeleroOpenShift.OpenStack.Manila;

/// <summary>What every Manila operation of one initialised snapshotter works with.</summary>
internal sealed record ManilaContext(ManilaClient Client, ManilaSettings Settings, ManilaWaits Waits, ManilaDeleter Deleter, ResourceNames Names, TimeProvider Time, ILogger Logger)
{
    public static ManilaContext Create(ManilaClient client, ManilaSettings settings, ResourceNames names, TimeProvider time, ILogger logger)
    {
        var waits = new ManilaWaits(client, new StatusPoller(time));
        return new ManilaContext(client, settings, waits, new ManilaDeleter(client, waits, new EnsureDeleted(time), settings.EnsureDeletedDelay, logger), names, time, logger);
    }

    /// <summary>
    /// The zone to ask for when creating a share from <paramref name="sourceZone"/>'s data: none when Velero gave none,
    /// and none when enforceAZ will move the share afterwards, since Manila refuses a cross-zone create (spec §6.5 step 4).
    /// </summary>
    public string? ZoneForCreate(string volumeAz, string? sourceZone) =>
        volumeAz.Length == 0 || (Settings.EnforceAz && sourceZone != volumeAz) ? null : volumeAz;

    /// <summary>enforceAZ asks for a move when the created share is not where Velero wants it (spec §6.5 step 7).</summary>
    public bool MustMove(string volumeAz, string? createdZone) =>
        Settings.EnforceAz && volumeAz.Length > 0 && createdZone != volumeAz;
}
