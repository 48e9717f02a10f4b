BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    . $PSScriptRoot/OpenStackSetup.ps1
    $script:session = Connect-DemoProject
    $script:container = New-TestContainer $session
    $folder = New-TestFolder
    try {
        Send-SwiftObject -Container $container -LiteralPath (New-RandomFile ([System.IO.Path]::Combine($folder, 'a.bin')) 1000)
    }
    finally {
        [System.IO.Directory]::Delete($folder, $true)
    }
}

AfterAll {
    Remove-TestContainer $session $container
}

Describe 'Get-SwiftContainer' {
    # The account's per-container Count and Bytes come from Swift's container-updater, which the loopback Swift
    # does not run, so they stay 0 there; the listing itself and the creation time are what can be checked.
    It 'lists the test container with its creation time' {
        $found = @(Get-SwiftContainer | Where-Object Container -EQ $container)
        $found | Should -HaveCount 1
        $found[0] | Should -BeOfType 'VeleroOpenShift.Cmdlets.Output.SwiftContainer'
        $found[0].LastModified | Should -BeGreaterThan ([System.DateTimeOffset]::UtcNow.AddHours(-1))
        $found[0].LastModified | Should -BeLessThan ([System.DateTimeOffset]::UtcNow.AddMinutes(1))
    }

    It 'filters by name with wildcards' {
        @(Get-SwiftContainer -Container ($container.Substring(0, 10) + '*')).Container | Should -Contain $container
        @(Get-SwiftContainer -Container 'no-such-container-*') | Should -HaveCount 0
    }

    It 'pipes containers to Get-SwiftObject by the Container property' {
        (Get-SwiftContainer -Container $container | Get-SwiftObject).Name | Should -BeExactly 'a.bin'
    }
}
