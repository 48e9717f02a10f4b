BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    . $PSScriptRoot/OpenStackSetup.ps1
    . $PSScriptRoot/CinderSetup.ps1
    $script:session = Connect-DemoProject
    $script:volume = New-TestVolume
    $answer = Invoke-Cinder POST '/snapshots' ('{"snapshot":{"volume_id":"' + $volume + '","name":"pester-snap"}}')
    $script:snapshot = $answer.Json.GetProperty('snapshot').GetProperty('id').GetString()
    Wait-CinderStatus snapshots $snapshot available
}

AfterAll {
    Remove-TestResource snapshots $snapshot
    Wait-CinderStatus snapshots $snapshot deleted
    Remove-TestResource volumes $volume
}

Describe 'Get-CinderSnapshot' {
    It 'lists the snapshots of the volumes piped in' {
        $found = @(Get-CinderVolume $volume | Get-CinderSnapshot)
        $found | Should -HaveCount 1
        $found[0] | Should -BeOfType 'VeleroOpenShift.Cmdlets.Output.CinderSnapshot'
        $found[0].SnapshotId | Should -BeExactly $snapshot
        $found[0].Method | Should -Be 'Snapshot'
        $found[0].Name | Should -BeExactly 'pester-snap'
        $found[0].Status | Should -BeExactly 'available'
        $found[0].SizeGiB | Should -Be 1
    }

    It 'lists the snapshots of the project' {
        @(Get-CinderSnapshot).SnapshotId | Should -Contain $snapshot
    }

    It 'gets one by -SnapshotId' {
        (Get-CinderSnapshot -SnapshotId $snapshot).VolumeId | Should -BeExactly $volume
    }

    It 'reports a missing snapshot as OpenStackNotFound' {
        $missing = [guid]::NewGuid().ToString()
        Get-CinderSnapshot -SnapshotId $missing -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeExactly 'OpenStackNotFound,VeleroOpenShift.Cmdlets.Commands.Cinder.GetCinderSnapshotCommand'
        $failures[0].TargetObject | Should -BeExactly $missing
    }
}
