BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    . $PSScriptRoot/OpenStackSetup.ps1
    . $PSScriptRoot/ManilaSetup.ps1
    $script:session = Connect-DemoProject
    $script:share = New-TestShare 'pester-new-snapshot'
}

AfterAll {
    Remove-TestShare $share
}

Describe 'New-ManilaSnapshot' {
    It 'snapshots a share and with -Wait returns it available, named as Velero names its snapshots' {
        $snapshot = New-ManilaSnapshot -ShareId $share -Wait -Description 'pester'
        $snapshot | Should -BeOfType 'VeleroOpenShift.Cmdlets.Output.ManilaSnapshot'
        $snapshot.Status | Should -BeExactly 'available'
        $snapshot.ShareId | Should -BeExactly $share
        $snapshot.Description | Should -BeExactly 'pester'
        $snapshot.Name | Should -Match ('^' + $share + '\.snap\.\d+$')
        Get-TestSnapshotStatus $snapshot.SnapshotId | Should -BeExactly 'available'
    }

    It 'takes the share from Get-ManilaShare by property name and keeps -Name' {
        $snapshot = Get-ManilaShare -ShareId $share | New-ManilaSnapshot -Name 'pester-named' -Wait
        $snapshot.Name | Should -BeExactly 'pester-named'
        $snapshot.ShareId | Should -BeExactly $share
    }

    It 'creates nothing with -WhatIf' {
        $before = @(Get-ManilaSnapshot -ShareId $share).Count
        New-ManilaSnapshot -ShareId $share -WhatIf | Should -BeNullOrEmpty
        @(Get-ManilaSnapshot -ShareId $share) | Should -HaveCount $before
    }

    It 'reports a missing share with the share id as target and goes on' {
        $missing = [guid]::NewGuid().ToString()
        New-ManilaSnapshot -ShareId $missing -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures | Should -HaveCount 1
        $failures[0].TargetObject | Should -BeExactly $missing
        $failures[0].Exception.Message | Should -Match "^failed to create snapshot from share $missing"
    }
}
