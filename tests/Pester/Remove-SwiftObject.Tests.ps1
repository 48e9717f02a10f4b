BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    . $PSScriptRoot/OpenStackSetup.ps1
    $script:session = Connect-DemoProject
    $script:container = New-TestContainer $session
    $script:folder = New-TestFolder
    $script:file = New-RandomFile ([System.IO.Path]::Combine($folder, 'x.bin')) 100
}

AfterAll {
    Remove-TestContainer $session $container
    [System.IO.Directory]::Delete($folder, $true)
}

Describe 'Remove-SwiftObject' {
    BeforeEach {
        foreach ($name in 'scratch/a', 'scratch/b', 'keep') { Send-SwiftObject $container -LiteralPath $file -Name $name }
    }

    It 'declares ConfirmImpact High' {
        (Get-Command Remove-SwiftObject).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
    }

    It 'deletes one object by -Container and -Name' {
        Remove-SwiftObject -Container $container -Name keep -Confirm:$false
        Test-SwiftObject $container keep | Should -BeFalse
        Test-SwiftObject $container scratch/a | Should -BeTrue
    }

    It 'deletes what Get-SwiftObject pipes in, binding Container and Name by property name' {
        Get-SwiftObject $container -Prefix scratch/ | Remove-SwiftObject -Confirm:$false
        @(Get-SwiftObject $container).Name | Should -BeExactly 'keep'
    }

    It 'deletes nothing with -WhatIf' {
        Get-SwiftObject $container | Remove-SwiftObject -WhatIf
        @(Get-SwiftObject $container) | Should -HaveCount 3
    }

    It 'treats an object that is already gone as deleted' {
        Remove-SwiftObject $container 'never-there' -Confirm:$false -ErrorVariable failures
        $failures | Should -HaveCount 0
    }
}
