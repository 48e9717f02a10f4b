using VeleroOpenShift.Cmdlets.Infrastructure;
using Engine = VeleroOpenShift.OpenStack.Cinder;

namespace VeleroOpenShift.Cmdlets.Output;

/// <summary>A Cinder volume. VolumeId binds to New-CinderSnapshot, Wait-CinderVolume and Get-CinderSnapshot.</summary>
public sealed class CinderVolume
{
    internal CinderVolume(Engine.CinderVolume volume)
    {
        VolumeId = volume.Id;
        Name = volume.Name;
        Status = volume.Status;
        SizeGiB = volume.Size;
        VolumeType = volume.VolumeType;
        AvailabilityZone = volume.AvailabilityZone;
        CreatedAt = CinderTime.Parse(volume.CreatedAt);
        Metadata = volume.Metadata ?? new Dictionary<string, string>();
    }

    public string VolumeId { get; }

    public string? Name { get; }

    /// <summary>available, in-use, creating, error, ...</summary>
    public string Status { get; }

    public long SizeGiB { get; }

    public string? VolumeType { get; }

    public string? AvailabilityZone { get; }

    public DateTimeOffset? CreatedAt { get; }

    public IReadOnlyDictionary<string, string> Metadata { get; }

    public override string ToString() => VolumeId;
}
