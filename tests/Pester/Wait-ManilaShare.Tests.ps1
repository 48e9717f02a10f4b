BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    . $PSScriptRoot/OpenStackSetup.ps1
    . $PSScriptRoot/ManilaSetup.ps1
    $script:session = Connect-DemoProject
    $script:source = New-TestShare 'pester-wait-share'
    $script:snapshot = New-TestSnapshot $source
    $script:createdShares = [System.Collections.Generic.List[string]]::new()
}

AfterAll {
    Remove-TestShare @($createdShares)
    Remove-TestShare $source
}

Describe 'Wait-ManilaShare' {
    It 'returns the share once it is available, taking its id from New-ManilaShare' {
        $share = New-ManilaShare -FromSnapshot $snapshot | Wait-ManilaShare -Timeout ([timespan]::FromMinutes(2))
        $createdShares.Add($share.ShareId)
        $share | Should -BeOfType 'VeleroOpenShift.Cmdlets.Output.ManilaShare'
        $share.Status | Should -BeExactly 'available'
    }

    It 'returns an available share at once' {
        (Wait-ManilaShare -ShareId $source).ShareId | Should -BeExactly $source
    }

    It 'reports a missing share with its id as target and goes on with the others' {
        $missing = [guid]::NewGuid().ToString()
        $done = @(Wait-ManilaShare -ShareId $missing, $source -ErrorVariable failures -ErrorAction SilentlyContinue)
        $done.ShareId | Should -BeExactly $source
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeExactly 'OpenStackNotFound,VeleroOpenShift.Cmdlets.Commands.Manila.WaitManilaShareCommand'
        $failures[0].TargetObject | Should -BeExactly $missing
    }
}
