BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    . $PSScriptRoot/OpenStackSetup.ps1
    $script:session = Connect-DemoProject
    $script:names = @(1..3 | ForEach-Object { 'pester-new-' + [guid]::NewGuid().ToString('N').Substring(0, 12) })
}

AfterAll {
    foreach ($name in $names) { Remove-TestContainer $session $name }
}

Describe 'New-SwiftContainer' {
    It 'creates a container and returns it' {
        $made = New-SwiftContainer -Container $names[0]
        $made | Should -BeOfType 'VeleroOpenShift.Cmdlets.Output.SwiftContainer'
        $made.Container | Should -BeExactly $names[0]
        @(Get-SwiftObject -Container $names[0]) | Should -HaveCount 0
    }

    It 'leaves an existing container as it is' {
        $file = [System.IO.Path]::GetTempFileName()
        try {
            Send-SwiftObject $names[0] -LiteralPath $file -Name kept
            $again = New-SwiftContainer $names[0] -Verbose 4>&1
            ($again | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message | Should -Contain "Container $($names[0]) exists already"
            Test-SwiftObject $names[0] kept | Should -BeTrue
        }
        finally {
            [System.IO.File]::Delete($file)
        }
    }

    It 'takes names from the pipeline' {
        $names[1] | New-SwiftContainer | Should -HaveCount 1
        @(Get-SwiftContainer -Container $names[1]) | Should -HaveCount 1
    }

    It 'creates nothing with -WhatIf' {
        New-SwiftContainer $names[2] -WhatIf
        @(Get-SwiftContainer -Container $names[2]) | Should -HaveCount 0
    }

    It 'reports a name Swift refuses as an error naming it' {
        New-SwiftContainer 'a/b' -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures | Should -HaveCount 1
        $failures[0].TargetObject | Should -BeExactly 'a/b'
        $failures[0].CategoryInfo.Category | Should -Not -Be 'NotSpecified'
    }
}
