BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    . $PSScriptRoot/OpenStackSetup.ps1
    $script:session = Connect-DemoProject
}

Describe 'New-OpenStackApplicationCredential' {
    It 'creates a credential that Connect-OpenStack accepts' {
        $name = 'pester-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        $created = New-OpenStackApplicationCredential -Name $name -Description 'made by Pester' -Role member -ExpiresAt ([System.DateTimeOffset]::UtcNow.AddHours(2))
        $created | Should -BeOfType 'VeleroOpenShift.Cmdlets.Output.OpenStackApplicationCredential'
        $created.Name | Should -BeExactly $name
        $created.Roles | Should -Be @('member')
        $created.Secret | Should -BeOfType 'System.Security.SecureString'
        $viaApp = Connect-OpenStack -AuthUrl $created.AuthUrl -ApplicationCredential $created.Credential
        $viaApp.AccountUrl | Should -Be $session.AccountUrl
    }

    It 'pipes into ConvertTo-VeleroOpenStackSecret' {
        $created = New-OpenStackApplicationCredential -Name ('pester-' + [guid]::NewGuid().ToString('N').Substring(0, 8)) -Session $session
        $yaml = $created | ConvertTo-VeleroOpenStackSecret
        $yaml | Should -Match "(?m)^  OS_APPLICATION_CREDENTIAL_ID: `"?$($created.Id)`"?$"
        $yaml | Should -Match '(?m)^  OS_AUTH_URL: http://127\.0\.0\.1:5000/v3/$'
    }

    It 'creates nothing with -WhatIf' {
        New-OpenStackApplicationCredential -Name 'pester-whatif' -WhatIf | Should -BeNullOrEmpty
    }

    It 'refuses an expiry in the past before asking Keystone' {
        $failure = { New-OpenStackApplicationCredential -Name 'pester-past' -ExpiresAt ([System.DateTimeOffset]::UtcNow.AddDays(-1)) } | Should -Throw -PassThru
        $failure.Exception.Message | Should -Match 'is in the past'
    }

    It 'reports a role the user does not have with Keystone''s answer' {
        $failure = { New-OpenStackApplicationCredential -Name ('pester-' + [guid]::NewGuid().ToString('N').Substring(0, 8)) -Role admin -ErrorAction Stop } | Should -Throw -PassThru
        $failure.Exception.Message | Should -Match 'application_credentials'
    }
}
