@{
    RootModule           = 'VeleroOpenShift.Cmdlets.dll'
    # Stamped at staging from VersionPrefix in Directory.Build.props, the one place the version lives.
    ModuleVersion        = '0.0.0'
    GUID                 = '6f0b7b8e-3d0e-4b8a-9a57-2c1d8f4e9a10'
    Author               = 'VeleroOpenShift contributors'
    CompanyName          = 'VeleroOpenShift'
    Copyright            = '(c) VeleroOpenShift contributors. Apache-2.0.'
    Description          = 'Backup, restore and migration tooling for OpenShift on OpenStack: the OpenShift Velero item actions, the Swift object store and the Cinder/Manila volume snapshotters, scriptable from PowerShell.'
    PowerShellVersion    = '7.6'
    CompatiblePSEditions = @('Core')
    FormatsToProcess     = @('VeleroOpenShift.format.ps1xml')
    CmdletsToExport      = @(
        'Connect-OpenStack'
        'ConvertTo-VeleroBackupStorageLocation'
        'ConvertTo-VeleroOpenStackSecret'
        'ConvertTo-VeleroVolumeSnapshotLocation'
        'Copy-ContainerImage'
        'Get-CinderSnapshot'
        'Get-CinderVolume'
        'Get-ManilaShare'
        'Get-ManilaSnapshot'
        'Get-SwiftContainer'
        'Get-SwiftObject'
        'Get-VeleroBackupItem'
        'Get-VeleroPlugin'
        'Get-VeleroVolumeId'
        'Invoke-BackupTransform'
        'Invoke-RestorePreview'
        'Invoke-RestoreTransform'
        'New-CinderSnapshot'
        'New-CinderVolume'
        'New-ManilaShare'
        'New-ManilaSnapshot'
        'New-OpenStackApplicationCredential'
        'New-SwiftContainer'
        'New-SwiftTempUrl'
        'Remove-CinderSnapshot'
        'Remove-ManilaSnapshot'
        'Remove-SwiftObject'
        'Save-SwiftObject'
        'Send-SwiftObject'
        'Set-SwiftTempUrlKey'
        'Set-VeleroVolumeId'
        'Test-SwiftObject'
        'Wait-CinderVolume'
        'Wait-ManilaShare'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags       = @('Velero', 'OADP', 'OpenShift', 'OpenStack', 'Swift', 'Cinder', 'Manila', 'Backup', 'Restore', 'Kubernetes', 'Registry', 'Linux', 'PSEdition_Core')
            ProjectUri = 'https://example.invalid/veleroopenshift'
        }
    }
}
