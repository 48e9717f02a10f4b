BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    . $PSScriptRoot/OpenStackSetup.ps1
    . $PSScriptRoot/ManilaSetup.ps1
    $script:session = Connect-DemoProject
    $script:share = New-TestShare 'pester-get-share'
}

AfterAll {
    Remove-TestShare $share
}

Describe 'Get-ManilaShare' {
    It 'gets a share by id with its fields' {
        $found = Get-ManilaShare -ShareId $share
        $found | Should -BeOfType 'VeleroOpenShift.Cmdlets.Output.ManilaShare'
        $found.ShareId | Should -BeExactly $share
        $found.Name | Should -BeExactly 'pester-get-share'
        $found.Status | Should -BeExactly 'available'
        $found.Protocol | Should -BeExactly 'NFS'
        $found.ShareType | Should -BeExactly 'default'
        $found.AvailabilityZone | Should -Not -BeNullOrEmpty
        $found.SourceSnapshotId | Should -BeNullOrEmpty
    }

    It 'lists the project''s shares without parameters' {
        @(Get-ManilaShare | Where-Object ShareId -EQ $share) | Should -HaveCount 1
    }

    It 'accepts -Session explicitly and ids from the pipeline' {
        @($share | Get-ManilaShare -Session $session).ShareId | Should -BeExactly $share
    }

    It 'reports a missing share as OpenStackNotFound with its id as target' {
        $missing = [guid]::NewGuid().ToString()
        Get-ManilaShare -ShareId $missing -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeExactly 'OpenStackNotFound,VeleroOpenShift.Cmdlets.Commands.Manila.GetManilaShareCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -BeExactly $missing
    }
}
