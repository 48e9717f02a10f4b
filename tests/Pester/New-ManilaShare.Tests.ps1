BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    . $PSScriptRoot/OpenStackSetup.ps1
    . $PSScriptRoot/ManilaSetup.ps1
    $script:session = Connect-DemoProject
    $script:source = New-TestShare 'pester-new-share'
    $script:snapshot = New-TestSnapshot $source
    $script:made = [System.Collections.Generic.List[string]]::new()
}

AfterAll {
    Remove-TestShare @($made)
    Remove-TestShare $source
}

Describe 'New-ManilaShare' {
    It 'creates a share from a snapshot and with -Wait returns it available, named as a Velero restore names it' {
        $share = New-ManilaShare -FromSnapshot $snapshot -Wait
        $made.Add($share.ShareId)
        $share | Should -BeOfType 'VeleroOpenShift.Cmdlets.Output.ManilaShare'
        $share.Status | Should -BeExactly 'available'
        $share.SourceSnapshotId | Should -BeExactly $snapshot
        $share.Protocol | Should -BeExactly 'NFS'
        $share.Size | Should -Be 1
        $share.Name | Should -Match ('^' + $snapshot + '\.backup\.\d+$')
    }

    It 'takes the snapshot from Get-ManilaSnapshot by its SnapshotId and keeps -Name' {
        $share = Get-ManilaSnapshot -SnapshotId $snapshot | New-ManilaShare -Name 'pester-restored' -Description 'from pester'
        $made.Add($share.ShareId)
        $share.Name | Should -BeExactly 'pester-restored'
        $share.Status | Should -Not -BeNullOrEmpty
        (Wait-ManilaShare -ShareId $share.ShareId).Status | Should -BeExactly 'available'
    }

    It 'creates nothing with -WhatIf' {
        # Only shares of this snapshot: the other test files make shares in the same project meanwhile.
        $before = @(Get-ManilaShare | Where-Object SourceSnapshotId -EQ $snapshot).Count
        New-ManilaShare -FromSnapshot $snapshot -WhatIf | Should -BeNullOrEmpty
        @(Get-ManilaShare | Where-Object SourceSnapshotId -EQ $snapshot) | Should -HaveCount $before
    }

    It 'reports a missing snapshot with its id as target' {
        $missing = [guid]::NewGuid().ToString()
        New-ManilaShare -FromSnapshot $missing -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeExactly 'OpenStackNotFound,VeleroOpenShift.Cmdlets.Commands.Manila.NewManilaShareCommand'
        $failures[0].TargetObject | Should -BeExactly $missing
    }
}
