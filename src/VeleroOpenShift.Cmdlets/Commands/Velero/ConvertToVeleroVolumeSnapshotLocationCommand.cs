using System.Collections;
using System.Globalization;
using System.Management.Automation;
using VeleroOpenShift.Cmdlets.Infrastructure;
using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenStack.Volumes;
using VeleroOpenShift.Velero.Manifests;

namespace VeleroOpenShift.Cmdlets.Commands.Velero;

/// <summary>Writes a VolumeSnapshotLocation (YAML) for the Cinder or Manila snapshotter, its config checked as the snapshotter's Init checks it.</summary>
[Cmdlet(VerbsData.ConvertTo, "VeleroVolumeSnapshotLocation")]
[OutputType(typeof(string))]
public sealed class ConvertToVeleroVolumeSnapshotLocationCommand : VeleroCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    public OpenStackSnapshotter Provider { get; set; }

    /// <summary>Config key method: snapshot, clone (both), backup, image (Cinder only).</summary>
    [Parameter]
    [ValidateSet("snapshot", "clone", "backup", "image")]
    public string? Method { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Cloud { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Region { get; set; }

    /// <summary>Further config keys (volumeTimeout, ensureDeleted, driver, enforceAZ, ...); values are written as strings.</summary>
    [Parameter(ValueFromPipeline = true)]
    public Hashtable? Config { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "default";

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string Namespace { get; set; } = "velero";

    protected override void ProcessRecord()
    {
        var config = new List<KeyValuePair<string, string>>();
        void Add(string key, string? value)
        {
            if (value is not null)
            {
                config.Add(new(key, value));
            }
        }

        Add("method", Method);
        Add("cloud", Cloud);
        Add("region", Region);
        foreach (DictionaryEntry entry in Config ?? [])
        {
            // Velero's config is map[string]string: $true becomes "true", 10 becomes "10".
            Add(Convert.ToString(entry.Key, CultureInfo.InvariantCulture)!, entry.Value is bool flag ? (flag ? "true" : "false") : Convert.ToString(entry.Value, CultureInfo.InvariantCulture) ?? "");
        }

        var provider = Provider == OpenStackSnapshotter.Manila ? PersistentVolumeIds.ManilaPlugin : PersistentVolumeIds.CinderPlugin;
        try
        {
            WriteObject(OpenStackManifests.VolumeSnapshotLocation(Name, Namespace, provider, config));
        }
        catch (VeleroOpenShiftException e)
        {
            WriteFailure(e, $"VolumeSnapshotLocation {Namespace}/{Name}");
        }
    }
}

/// <summary>The snapshotter a VolumeSnapshotLocation names.</summary>
public enum OpenStackSnapshotter
{
    Cinder,
    Manila,
}
