BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    . $PSScriptRoot/OpenStackSetup.ps1
    . $PSScriptRoot/CinderSetup.ps1
    $script:session = Connect-DemoProject
    $script:volume = New-TestVolume
    $script:snapshots = [System.Collections.Generic.List[string]]::new()
    $script:volumes = [System.Collections.Generic.List[string]]::new()
}

AfterAll {
    Remove-TestResource snapshots $snapshots
    foreach ($id in $snapshots) { Wait-CinderStatus snapshots $id deleted }
    Remove-TestResource volumes $volumes
    Remove-TestResource volumes $volume
}

Describe 'New-CinderSnapshot' {
    It 'snapshots a volume with the tags over its metadata and returns the available snapshot' {
        $made = New-CinderSnapshot $volume -Tag @{ 'velero.io/backup' = 'pester' } -Timeout 00:01:00
        $snapshots.Add($made.SnapshotId)
        $made | Should -BeOfType 'VeleroOpenShift.Cmdlets.Output.CinderSnapshot'
        $made.Method | Should -Be 'Snapshot'
        $made.VolumeId | Should -BeExactly $volume
        $made.Status | Should -BeExactly 'available'
        $made.Name | Should -Match ('^' + $volume + '\.snap\.\d+$')
        $metadata = (Invoke-Cinder GET "/snapshots/$($made.SnapshotId)").Json.GetProperty('snapshot').GetProperty('metadata')
        $metadata.GetProperty('velero.io/backup').GetString() | Should -BeExactly 'pester'
        $metadata.GetProperty('app').GetString() | Should -BeExactly 'db'
    }

    It 'clones with -Method Clone, taking VolumeId from Get-CinderVolume' {
        $made = Get-CinderVolume $volume | New-CinderSnapshot -Method Clone -Timeout 00:01:00
        $volumes.Add($made.SnapshotId)
        $made.Method | Should -Be 'Clone'
        $made.VolumeId | Should -BeExactly $volume
        Get-CinderStatus volumes $made.SnapshotId | Should -BeExactly 'available'
    }

    It 'creates nothing with -WhatIf' {
        $before = @((Invoke-Cinder GET "/snapshots?volume_id=$volume").Json.GetProperty('snapshots').EnumerateArray()).Count
        New-CinderSnapshot $volume -WhatIf | Should -BeNullOrEmpty
        @((Invoke-Cinder GET "/snapshots?volume_id=$volume").Json.GetProperty('snapshots').EnumerateArray()) | Should -HaveCount $before
    }

    It 'reports a missing volume with the reference wording and goes on' {
        $missing = [guid]::NewGuid().ToString()
        New-CinderSnapshot $missing -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeExactly 'OpenStackNotFound,VeleroOpenShift.Cmdlets.Commands.Cinder.NewCinderSnapshotCommand'
        $failures[0].Exception.Message | Should -Match "^failed to get volume $missing from cinder: "
    }
}
