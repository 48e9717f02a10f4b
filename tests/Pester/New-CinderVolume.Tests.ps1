BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    . $PSScriptRoot/OpenStackSetup.ps1
    . $PSScriptRoot/CinderSetup.ps1
    $script:session = Connect-DemoProject
    $script:volume = New-TestVolume
    $script:made = New-CinderSnapshot $volume -Timeout 00:01:00
    $script:restored = [System.Collections.Generic.List[string]]::new()
}

AfterAll {
    Remove-TestResource volumes $restored
    Remove-TestResource snapshots $made.SnapshotId
    Wait-CinderStatus snapshots $made.SnapshotId deleted
    Remove-TestResource volumes $volume
}

Describe 'New-CinderVolume' {
    It 'restores what New-CinderSnapshot pipes in, binding SnapshotId and Method by property name' {
        $new = $made | New-CinderVolume -Timeout 00:01:00
        $restored.Add($new.VolumeId)
        $new | Should -BeOfType 'VeleroOpenShift.Cmdlets.Output.CinderVolume'
        $new.Status | Should -BeExactly 'available'
        $new.Name | Should -Match ('^' + $made.SnapshotId + '\.backup\.\d+$')
        $new.Metadata['app'] | Should -BeExactly 'db'
        (Invoke-Cinder GET "/volumes/$($new.VolumeId)").Json.GetProperty('volume').GetProperty('snapshot_id').GetString() | Should -BeExactly $made.SnapshotId
    }

    It 'restores a clone with -Method Clone' {
        $clone = New-CinderSnapshot $volume -Method Clone -Timeout 00:01:00
        $restored.Add($clone.SnapshotId)
        $new = New-CinderVolume -FromSnapshot $clone.SnapshotId -Method Clone -Timeout 00:01:00
        $restored.Insert(0, $new.VolumeId)
        (Invoke-Cinder GET "/volumes/$($new.VolumeId)").Json.GetProperty('volume').GetProperty('source_volid').GetString() | Should -BeExactly $clone.SnapshotId
    }

    It 'restores from <Source> with -Method <Method>, with the data the volume held' -ForEach @(
        @{ Method = 'Backup'; Suffix = 'backup'; Source = 'a Cinder backup' }, @{ Method = 'Image'; Suffix = 'image'; Source = 'a Glance image' }
    ) {
        $data = [System.Text.Encoding]::UTF8.GetBytes("written before the $Method")
        Write-TestVolumeData $volume $data
        $copy = New-CinderSnapshot $volume -Method $Method -Timeout 00:03:00
        try {
            $copy.Method | Should -Be $Method
            $new = $copy | New-CinderVolume -Timeout 00:03:00
            $restored.Insert(0, $new.VolumeId)
            $new.Status | Should -BeExactly 'available'
            $new.Name | Should -Match ('^' + $copy.SnapshotId + '\.' + $Suffix + '\.\d+$')
            [System.Convert]::ToHexString((Read-TestVolumeData $new.VolumeId $data.Length)) | Should -BeExactly ([System.Convert]::ToHexString($data))
        }
        finally { $copy | Remove-CinderSnapshot -Confirm:$false -EnsureDeleted:($Method -eq 'Backup') -Timeout 00:03:00 }
    }

    It 'creates nothing with -WhatIf' {
        New-CinderVolume -FromSnapshot $made.SnapshotId -WhatIf | Should -BeNullOrEmpty
    }

    It 'reports a missing snapshot with the reference wording' {
        $missing = [guid]::NewGuid().ToString()
        New-CinderVolume -FromSnapshot $missing -Timeout 00:00:10 -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures | Should -HaveCount 1
        $failures[0].Exception.Message | Should -Match "^snapshot $missing didn't get into 'available' state within the time limit: "
        $failures[0].TargetObject | Should -BeExactly $missing
    }
}
