BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    . $PSScriptRoot/OpenStackSetup.ps1
    . $PSScriptRoot/ManilaSetup.ps1
    $script:session = Connect-DemoProject
    $script:share = New-TestShare 'pester-get-snapshot'
    $script:snapshot = New-TestSnapshot $share
}

AfterAll {
    Remove-TestShare $share
}

Describe 'Get-ManilaSnapshot' {
    It 'gets a snapshot by id with its fields' {
        $found = Get-ManilaSnapshot -SnapshotId $snapshot
        $found | Should -BeOfType 'VeleroOpenShift.Cmdlets.Output.ManilaSnapshot'
        $found.SnapshotId | Should -BeExactly $snapshot
        $found.ShareId | Should -BeExactly $share
        $found.Status | Should -BeExactly 'available'
        $found.Size | Should -Be 1
        $found.Protocol | Should -BeExactly 'NFS'
        $found.CreatedAt | Should -BeGreaterThan ([System.DateTimeOffset]::UtcNow.AddHours(-1))
    }

    It 'lists the snapshots of the share piped in from Get-ManilaShare' {
        @(Get-ManilaShare -ShareId $share | Get-ManilaSnapshot).SnapshotId | Should -BeExactly $snapshot
    }

    It 'takes snapshot ids from the pipeline' {
        @($snapshot | Get-ManilaSnapshot).SnapshotId | Should -BeExactly $snapshot
    }

    It 'lists the project''s snapshots without parameters' {
        @(Get-ManilaSnapshot | Where-Object SnapshotId -EQ $snapshot) | Should -HaveCount 1
    }

    It 'reports a missing snapshot as OpenStackNotFound with its id as target, and goes on with the others' {
        $missing = [guid]::NewGuid().ToString()
        $found = @(Get-ManilaSnapshot -SnapshotId $missing, $snapshot -ErrorVariable failures -ErrorAction SilentlyContinue)
        $found.SnapshotId | Should -BeExactly $snapshot
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeExactly 'OpenStackNotFound,VeleroOpenShift.Cmdlets.Commands.Manila.GetManilaSnapshotCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -BeExactly $missing
    }
}
