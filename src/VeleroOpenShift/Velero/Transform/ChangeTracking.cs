namespace VeleroOpenShift.Velero.Transform;

/// <summary>How closely a transform records what changed.</summary>
public enum ChangeTracking
{
    /// <summary>The paths each action changed (a copy of the item before every action): for people reading results.</summary>
    PerAction,

    /// <summary>Only whether the actions changed the item at all (one copy per item): for bulk work such as a preview.</summary>
    PerItem,
}
