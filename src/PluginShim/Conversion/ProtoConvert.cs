using Google.Protobuf.WellKnownTypes;
using Engine = VeleroOpenShift.Velero;
using Wire = VeleroOpenShift.PluginShim.Protos.Generated;

namespace VeleroOpenShift.PluginShim.Conversion;

/// <summary>Engine records to and from the shared Velero messages (package <c>generated</c>).</summary>
internal static class ProtoConvert
{
    /// <summary>
    /// Go's zero time (0001-01-01T00:00:00Z), which Velero reads as "unknown". An unset Timestamp would read
    /// as 1970-01-01, a real time, and move an operation to InProgress too early.
    /// </summary>
    public static Timestamp GoZeroTime => new() { Seconds = -62135596800, Nanos = 0 };

    public static Wire.ResourceSelector ToProto(Engine.ResourceSelector? selector)
    {
        var wire = new Wire.ResourceSelector();
        if (selector is null)
        {
            return wire;
        }

        wire.IncludedNamespaces.Add(selector.IncludedNamespaces);
        wire.ExcludedNamespaces.Add(selector.ExcludedNamespaces);
        wire.IncludedResources.Add(selector.IncludedResources);
        wire.ExcludedResources.Add(selector.ExcludedResources);
        wire.Selector = selector.LabelSelector;
        return wire;
    }

    public static Wire.ResourceIdentifier ToProto(Engine.ResourceIdentifier identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return new Wire.ResourceIdentifier
        {
            Group = identifier.Group,
            Resource = identifier.Resource,
            Namespace = identifier.Namespace,
            Name = identifier.Name,
        };
    }

    public static Engine.ResourceIdentifier FromProto(Wire.ResourceIdentifier identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return new Engine.ResourceIdentifier(identifier.Group, identifier.Resource, identifier.Namespace, identifier.Name);
    }

    public static Wire.OperationProgress ToProto(Engine.OperationProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return new Wire.OperationProgress
        {
            Completed = progress.Completed,
            Err = progress.Error ?? string.Empty,
            NCompleted = progress.CompletedUnits,
            NTotal = progress.TotalUnits,
            OperationUnits = progress.Units ?? string.Empty,
            Description = progress.Description ?? string.Empty,
            Started = ToTimestamp(progress.Started),
            Updated = ToTimestamp(progress.Updated),
        };
    }

    private static Timestamp ToTimestamp(DateTimeOffset? time) => time is { } t ? Timestamp.FromDateTimeOffset(t) : GoZeroTime;
}
