BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    . $PSScriptRoot/OpenStackSetup.ps1
    . $PSScriptRoot/ManilaSetup.ps1
    $script:session = Connect-DemoProject
    $script:share = New-TestShare 'pester-remove-snapshot'
}

AfterAll {
    Remove-TestShare $share
}

Describe 'Remove-ManilaSnapshot' {
    It 'declares ConfirmImpact High' {
        (Get-Command Remove-ManilaSnapshot).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
    }

    It 'deletes a snapshot by id' {
        $snapshot = New-TestSnapshot $share
        Remove-ManilaSnapshot -SnapshotId $snapshot -Confirm:$false
        Wait-ManilaResource "snapshots/$snapshot" snapshot $null
        Get-TestSnapshotStatus $snapshot | Should -BeNullOrEmpty
    }

    It 'deletes what Get-ManilaSnapshot pipes in, binding SnapshotId by property name' {
        $snapshot = New-TestSnapshot $share
        Get-ManilaSnapshot -SnapshotId $snapshot | Remove-ManilaSnapshot -Confirm:$false
        Wait-ManilaResource "snapshots/$snapshot" snapshot $null
        Get-TestSnapshotStatus $snapshot | Should -BeNullOrEmpty
    }

    It 'deletes nothing with -WhatIf' {
        $snapshot = New-TestSnapshot $share
        Remove-ManilaSnapshot -SnapshotId $snapshot -WhatIf
        Get-TestSnapshotStatus $snapshot | Should -BeExactly 'available'
    }

    It 'reports a missing snapshot with its id as target' {
        $missing = [guid]::NewGuid().ToString()
        Remove-ManilaSnapshot -SnapshotId $missing -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeExactly 'OpenStackNotFound,VeleroOpenShift.Cmdlets.Commands.Manila.RemoveManilaSnapshotCommand'
        $failures[0].TargetObject | Should -BeExactly $missing
    }
}
