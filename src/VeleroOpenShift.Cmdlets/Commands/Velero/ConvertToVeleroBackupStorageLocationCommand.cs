using System.Management.Automation;
using VeleroOpenShift.Cmdlets.Infrastructure;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Velero.Manifests;

namespace VeleroOpenShift.Cmdlets.Commands.Velero;

/// <summary>Writes the BackupStorageLocation (YAML) that stores Velero backups in a Swift container through the OpenStack plugin.</summary>
[Cmdlet(VerbsData.ConvertTo, "VeleroBackupStorageLocation")]
[OutputType(typeof(string))]
public sealed class ConvertToVeleroBackupStorageLocationCommand : VeleroCmdlet
{
    /// <summary>The Swift container; it must exist (the plugin never creates containers: see New-SwiftContainer).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Container { get; set; } = "";

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Prefix { get; set; }

    /// <summary>A clouds.yaml entry (config key cloud) for a location on another cloud than the environment's.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Cloud { get; set; }

    /// <summary>Config key region; the plugin uses it only when OS_REGION_NAME and OS_SWIFT_REGION_NAME are unset.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Region { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "default";

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string Namespace { get; set; } = "velero";

    [Parameter]
    public SwitchParameter Default { get; set; }

    protected override void ProcessRecord()
    {
        try
        {
            WriteObject(OpenStackManifests.BackupStorageLocation(Name, Namespace, Container, Prefix, Cloud, Region, Default));
        }
        catch (VeleroOpenShiftException e)
        {
            WriteFailure(e, $"BackupStorageLocation {Namespace}/{Name}");
        }
    }
}
