BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
}

Describe 'ConvertTo-VeleroBackupStorageLocation' {
    It 'writes a location of the OpenStack object store on the container' {
        $yaml = ConvertTo-VeleroBackupStorageLocation -Container my-swift-container -Prefix cluster-abc -Region RegionOne -Default
        $yaml | Should -Match '(?m)^apiVersion: velero\.io/v1$'
        $yaml | Should -Match '(?m)^kind: BackupStorageLocation$'
        $yaml | Should -Match '(?m)^  name: default$'
        $yaml | Should -Match '(?m)^  provider: community\.openstack\.org/openstack$'
        $yaml | Should -Match '(?m)^    bucket: my-swift-container$'
        $yaml | Should -Match '(?m)^    prefix: cluster-abc$'
        $yaml | Should -Match '(?m)^  default: true$'
        $yaml | Should -Match '(?m)^    region: RegionOne$'
    }

    It 'takes the container by property name, as New-SwiftContainer outputs it' {
        $yaml = [pscustomobject]@{ Container = 'piped' } | ConvertTo-VeleroBackupStorageLocation -Name second -Namespace openshift-adp -Cloud dr-site
        $yaml | Should -Match '(?m)^    bucket: piped$'
        $yaml | Should -Match '(?m)^  namespace: openshift-adp$'
        $yaml | Should -Match '(?m)^    cloud: dr-site$'
        $yaml | Should -Not -Match 'default: true'
    }

    It 'reports a container name Swift would refuse, naming the location and field' {
        $failure = { ConvertTo-VeleroBackupStorageLocation -Container 'a/b' -ErrorAction Stop } | Should -Throw -PassThru
        $failure.Exception.Message | Should -Match '^BackupStorageLocation velero/default: spec\.objectStorage\.bucket'
    }
}
