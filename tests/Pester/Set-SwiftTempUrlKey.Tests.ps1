BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    . $PSScriptRoot/OpenStackSetup.ps1
    $script:session = Connect-DemoProject
    $script:container = New-TestContainer $session
}

AfterAll {
    Remove-TestContainer $session $container
}

Describe 'Set-SwiftTempUrlKey' {
    It 'sets a container''s key from a SecureString' {
        $key = 'pester-key-' + [guid]::NewGuid().ToString('N')
        Set-SwiftTempUrlKey -Container $container -Key ([System.Net.NetworkCredential]::new('', $key).SecurePassword) | Should -BeNullOrEmpty
        Get-SwiftHeader ($session.AccountUrl.AbsoluteUri + $container) 'X-Container-Meta-Temp-URL-Key' | Should -BeExactly $key
    }

    It 'changes nothing with -WhatIf, for a container or the account' {
        $before = Get-SwiftHeader ($session.AccountUrl.AbsoluteUri + $container) 'X-Container-Meta-Temp-URL-Key'
        $accountBefore = Get-SwiftHeader $session.AccountUrl.AbsoluteUri 'X-Account-Meta-Temp-URL-Key'
        $other = [System.Net.NetworkCredential]::new('', 'whatif-key').SecurePassword
        Set-SwiftTempUrlKey -Container $container -Key $other -WhatIf
        Set-SwiftTempUrlKey -Key $other -WhatIf
        Get-SwiftHeader ($session.AccountUrl.AbsoluteUri + $container) 'X-Container-Meta-Temp-URL-Key' | Should -BeExactly $before
        Get-SwiftHeader $session.AccountUrl.AbsoluteUri 'X-Account-Meta-Temp-URL-Key' | Should -BeExactly $accountBefore
    }

    It 'does not take the key as plain text' {
        (Get-Command Set-SwiftTempUrlKey).Parameters['Key'].ParameterType | Should -Be ([System.Security.SecureString])
    }

    It 'reports a missing container as OpenStackNotFound naming it' {
        $missing = 'pester-missing-' + [guid]::NewGuid().ToString('N')
        Set-SwiftTempUrlKey -Container $missing -Key ([System.Net.NetworkCredential]::new('', 'k').SecurePassword) -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeExactly 'OpenStackNotFound,VeleroOpenShift.Cmdlets.Commands.OpenStack.SetSwiftTempUrlKeyCommand'
        $failures[0].TargetObject | Should -BeExactly $missing
    }
}
