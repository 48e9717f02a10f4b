namespace VeleroOpenShift.OpenStack.Cinder;

/// <summary>One way of preserving a volume (<see cref="CinderMethod"/>): what CreateSnapshot, CreateVolumeFromSnapshot and DeleteSnapshot do.</summary>
internal interface ICinderMethod
{
    /// <summary>Preserves the volume; returns the id Velero stores as the snapshot id.</summary>
    Task<string> CreateAsync(string volumeId, string volumeAvailabilityZone, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken);

    /// <summary>Creates a volume from what <see cref="CreateAsync"/> returned; returns the new volume's id.</summary>
    Task<string> RestoreAsync(string id, string volumeType, string volumeAvailabilityZone, CancellationToken cancellationToken);

    Task DeleteAsync(string id, CancellationToken cancellationToken);
}
