BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
}

Describe 'ConvertTo-VeleroVolumeSnapshotLocation' {
    It 'writes a Cinder location with its config as strings' {
        $yaml = ConvertTo-VeleroVolumeSnapshotLocation Cinder -Method clone -Config @{ ensureDeleted = $true }
        $yaml | Should -Match '(?m)^kind: VolumeSnapshotLocation$'
        $yaml | Should -Match '(?m)^  provider: community\.openstack\.org/openstack-cinder$'
        $yaml | Should -Match '(?m)^    method: clone$'
        $yaml | Should -Match '(?m)^    ensureDeleted: "true"$'
    }

    It 'writes a Manila location with its driver' {
        $yaml = ConvertTo-VeleroVolumeSnapshotLocation Manila -Name manila -Namespace openshift-adp -Config @{ driver = 'cephfs.manila.csi.openstack.org' }
        $yaml | Should -Match '(?m)^  provider: community\.openstack\.org/openstack-manila$'
        $yaml | Should -Match '(?m)^  namespace: openshift-adp$'
        $yaml | Should -Match '(?m)^    driver: cephfs\.manila\.csi\.openstack\.org$'
    }

    It 'refuses what the snapshotter''s Init would refuse, with its message' {
        $failure = { ConvertTo-VeleroVolumeSnapshotLocation Manila -Method backup -ErrorAction Stop } | Should -Throw -PassThru
        $failure.Exception.Message | Should -Match 'spec\.config\.method: unsupported "backup" snapshot method'
        $timeout = { ConvertTo-VeleroVolumeSnapshotLocation Cinder -Config @{ volumeTimeout = '5' } -ErrorAction Stop } | Should -Throw -PassThru
        $timeout.Exception.Message | Should -Match 'volumeTimeout'
    }
}
