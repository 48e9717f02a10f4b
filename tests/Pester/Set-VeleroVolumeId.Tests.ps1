BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    function New-Pv([string] $name, [hashtable] $spec) { @{ apiVersion = 'v1'; kind = 'PersistentVolume'; metadata = @{ name = $name }; spec = $spec } }
}

Describe 'Set-VeleroVolumeId' {
    It 'points a Cinder CSI PV at the new volume and keeps the input as it was' {
        $pv = New-Pv csi @{ csi = @{ driver = 'cinder.csi.openstack.org'; volumeHandle = 'old' } }
        $json = Set-VeleroVolumeId $pv -VolumeId 'new-volume'
        $json | Should -Match '"volumeHandle": "new-volume"'
        $pv.spec.csi.volumeHandle | Should -BeExactly 'old'
    }

    It 'sets share id and access id of a Manila PV' {
        $pv = New-Pv share @{ csi = @{ driver = 'nfs.manila.csi.openstack.org'; volumeHandle = 'old'; volumeAttributes = @{ shareID = 'old'; shareAccessID = 'old-rule' } } }
        $json = Set-VeleroVolumeId $pv -VolumeId 'new-share' -ShareAccessId 'new-rule'
        $json | Should -Match '"shareID": "new-share"'
        $json | Should -Match '"shareAccessID": "new-rule"'
    }

    It 'changes nothing with -WhatIf' {
        Set-VeleroVolumeId (New-Pv intree @{ cinder = @{ volumeID = 'v' } }) -VolumeId 'x' -WhatIf | Should -BeNullOrEmpty
    }

    It 'refuses a PV of another CSI driver, naming the field' {
        $failure = { Set-VeleroVolumeId (New-Pv other @{ csi = @{ driver = 'ebs.csi.aws.com'; volumeHandle = 'vol' } }) -VolumeId 'x' -ErrorAction Stop } | Should -Throw -PassThru
        $failure.Exception.Message | Should -Match 'spec\.csi\.driver'
    }
}
