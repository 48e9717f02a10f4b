BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    function New-Pv([string] $name, [hashtable] $spec) { @{ apiVersion = 'v1'; kind = 'PersistentVolume'; metadata = @{ name = $name }; spec = $spec } }
}

Describe 'Get-VeleroVolumeId' {
    It 'reads in-tree Cinder, Cinder CSI and Manila CSI volumes as the snapshotters do' {
        $ids = @(
            New-Pv intree @{ cinder = @{ volumeID = 'v-1' } }
            New-Pv csi @{ csi = @{ driver = 'cinder.csi.openstack.org'; volumeHandle = 'v-2' } }
            New-Pv share @{ csi = @{ driver = 'nfs.manila.csi.openstack.org'; volumeHandle = 's-3' } }
        ) | Get-VeleroVolumeId
        $ids.VolumeId | Should -Be @('v-1', 'v-2', 's-3')
        $ids.Plugin | Should -Be @('community.openstack.org/openstack-cinder', 'community.openstack.org/openstack-cinder', 'community.openstack.org/openstack-manila')
        $ids[0].PersistentVolume | Should -Match 'intree'
    }

    It 'leaves a volume of another driver without plugin, and honours -ManilaDriver' {
        $pv = New-Pv ceph @{ csi = @{ driver = 'cephfs.manila.csi.openstack.org'; volumeHandle = 's-4' } }
        (Get-VeleroVolumeId $pv).Plugin | Should -BeNullOrEmpty
        (Get-VeleroVolumeId $pv -ManilaDriver cephfs.manila.csi.openstack.org).VolumeId | Should -BeExactly 's-4'
    }

    It 'reports a Cinder PV without its id, naming the field' {
        $failure = { Get-VeleroVolumeId (New-Pv broken @{ cinder = @{} }) -ErrorAction Stop } | Should -Throw -PassThru
        $failure.Exception.Message | Should -Match 'spec\.cinder\.volumeID'
    }
}
