BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    . $PSScriptRoot/OpenStackSetup.ps1
    . $PSScriptRoot/CinderSetup.ps1
    $script:session = Connect-DemoProject
    $script:volume = New-TestVolume
}

AfterAll {
    foreach ($snapshot in @((Invoke-Cinder GET "/snapshots?volume_id=$volume").Json.GetProperty('snapshots').EnumerateArray())) {
        $id = $snapshot.GetProperty('id').GetString()
        Remove-TestResource snapshots $id
        Wait-CinderStatus snapshots $id deleted
    }
    Remove-TestResource volumes $volume
}

Describe 'Remove-CinderSnapshot' {
    It 'declares ConfirmImpact High' {
        (Get-Command Remove-CinderSnapshot).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
    }

    It 'deletes nothing with -WhatIf' {
        $made = New-CinderSnapshot $volume -Timeout 00:01:00
        $made | Remove-CinderSnapshot -WhatIf
        Get-CinderStatus snapshots $made.SnapshotId | Should -BeExactly 'available'
    }

    It 'deletes what Get-CinderSnapshot pipes in and with -EnsureDeleted returns once it is gone' {
        $made = New-CinderSnapshot $volume -Timeout 00:01:00
        Get-CinderSnapshot -SnapshotId $made.SnapshotId | Remove-CinderSnapshot -EnsureDeleted -Timeout 00:01:00 -Confirm:$false
        Get-CinderStatus snapshots $made.SnapshotId | Should -BeExactly 'deleted'
    }

    It 'deletes a clone with -Method Clone' {
        $clone = New-CinderSnapshot $volume -Method Clone -Timeout 00:01:00
        $clone | Remove-CinderSnapshot -EnsureDeleted -Timeout 00:01:00 -Confirm:$false
        Get-CinderStatus volumes $clone.SnapshotId | Should -BeExactly 'deleted'
    }

    It 'treats one that is already gone as deleted' {
        Remove-CinderSnapshot ([guid]::NewGuid().ToString()) -Confirm:$false -ErrorVariable failures
        $failures | Should -HaveCount 0
    }
}
