BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    . $PSScriptRoot/OpenStackSetup.ps1
}

Describe 'Connect-OpenStack' {
    Context 'with a password' {
        BeforeAll {
            $script:session = Connect-DemoProject
        }

        It 'returns a session for the project''s Swift account' {
            $session | Should -BeOfType 'VeleroOpenShift.Cmdlets.Output.OpenStackSession'
            $session.AccountUrl.AbsoluteUri | Should -Match '^http://127\.0\.0\.1:8080/v1/AUTH_[0-9a-f]+/$'
            $session.Source | Should -Match 'as demo$'
        }

        It 'shows the token only as its expiry, in the future' {
            $session.TokenExpiresAt | Should -BeGreaterThan ([System.DateTimeOffset]::UtcNow)
            @($session.PSObject.Properties.Name) | Should -Not -Contain 'Token'
            $session.ToString() | Should -Not -Match 'gAAAA'
        }

        It 'becomes the runspace''s current session for the Swift cmdlets' {
            $container = New-TestContainer $session
            try {
                @(Get-SwiftObject -Container $container) | Should -HaveCount 0
            }
            finally {
                Remove-TestContainer $session $container
            }
        }
    }

    Context 'other credential sources' {
        It 'connects with the OS_* variables' {
            $saved = @{}
            $variables = @{ OS_AUTH_URL = $OpenStackAuthUrl; OS_USERNAME = $OpenStackUser; OS_PASSWORD = $OpenStackPassword; OS_PROJECT_NAME = $OpenStackProject; OS_USER_DOMAIN_NAME = 'Default'; OS_PROJECT_DOMAIN_ID = 'default'; OS_CLOUD = $null }
            foreach ($name in $variables.Keys) {
                $saved[$name] = [System.Environment]::GetEnvironmentVariable($name)
                [System.Environment]::SetEnvironmentVariable($name, $variables[$name])
            }
            try {
                (Connect-OpenStack -FromEnvironment).Source | Should -BeExactly 'environment'
            }
            finally {
                foreach ($name in $saved.Keys) { [System.Environment]::SetEnvironmentVariable($name, $saved[$name]) }
            }
        }

        It 'connects with a clouds.yaml entry' {
            $folder = New-TestFolder
            $saved = [System.Environment]::GetEnvironmentVariable('OS_CLIENT_CONFIG_FILE')
            try {
                $file = [System.IO.Path]::Combine($folder, 'clouds.yaml')
                [System.IO.File]::WriteAllText($file, "clouds:`n  pester:`n    auth:`n      auth_url: $OpenStackAuthUrl`n      username: $OpenStackUser`n      password: $OpenStackPassword`n      project_name: $OpenStackProject`n      user_domain_name: Default`n      project_domain_id: default`n")
                [System.Environment]::SetEnvironmentVariable('OS_CLIENT_CONFIG_FILE', $file)
                $cloud = Connect-OpenStack -Cloud pester
                $cloud.Source | Should -BeExactly 'cloud pester'
                $cloud.TokenExpiresAt | Should -Not -BeNullOrEmpty
            }
            finally {
                [System.Environment]::SetEnvironmentVariable('OS_CLIENT_CONFIG_FILE', $saved)
                [System.IO.Directory]::Delete($folder, $true)
            }
        }
    }

    Context 'application credential and region' {
        It 'connects with an application credential: id as user name, secret as password' {
            $created = New-DemoApplicationCredential
            $appCredential = [pscredential]::new($created.Id, [System.Net.NetworkCredential]::new('', $created.Secret).SecurePassword)
            $viaApp = Connect-OpenStack -AuthUrl $OpenStackAuthUrl -ApplicationCredential $appCredential
            $viaApp.Source | Should -BeExactly "$OpenStackAuthUrl with application credential $($created.Id)"
            $viaApp.AccountUrl | Should -Be (Connect-DemoProject).AccountUrl
        }

        It 'uses the object-store endpoint of -Region, and fails for a region without one' {
            (Connect-OpenStack -AuthUrl $OpenStackAuthUrl -Credential (New-DemoCredential) -ProjectName $OpenStackProject -Region RegionOne).Region | Should -BeExactly 'RegionOne'
            $failure = { Connect-OpenStack -AuthUrl $OpenStackAuthUrl -Credential (New-DemoCredential) -ProjectName $OpenStackProject -Region NoSuchRegion } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Match '^OpenStack[A-Za-z]+,VeleroOpenShift\.Cmdlets\.Commands\.OpenStack\.ConnectOpenStackCommand$'
            $failure.Exception.Message | Should -Match 'No suitable endpoint'
        }
    }

    Context 'failures' {
        It 'stops with an AuthenticationError for a wrong password, naming the auth URL and user, not the password' {
            $wrong = [pscredential]::new($OpenStackUser, [System.Net.NetworkCredential]::new('', 'not-the-password-4711').SecurePassword)
            $failure = { Connect-OpenStack -AuthUrl $OpenStackAuthUrl -Credential $wrong -ProjectName $OpenStackProject } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -BeExactly 'OpenStackAuthenticationFailed,VeleroOpenShift.Cmdlets.Commands.OpenStack.ConnectOpenStackCommand'
            $failure.CategoryInfo.Category | Should -Be 'AuthenticationError'
            $failure.TargetObject | Should -BeExactly "$OpenStackAuthUrl as demo"
            "$failure $($failure.TargetObject)" | Should -Not -Match 'not-the-password-4711'
        }

        It 'rejects -Credential together with -Cloud' {
            { Connect-OpenStack -Cloud x -Credential (New-DemoCredential) } | Should -Throw -ErrorId 'AmbiguousParameterSet*'
        }
    }

    Context 'secrets' {
        It 'writes no password or token to the verbose, debug or error streams' {
            $secret = 'pester-secret-' + [guid]::NewGuid().ToString('N')
            $wrong = [pscredential]::new($OpenStackUser, [System.Net.NetworkCredential]::new('', $secret).SecurePassword)
            $DebugPreference = 'Continue'
            $good = Connect-OpenStack -AuthUrl $OpenStackAuthUrl -Credential (New-DemoCredential) -ProjectName $OpenStackProject -Verbose -Debug 4>&1 5>&1
            $bad = & { try { Connect-OpenStack -AuthUrl $OpenStackAuthUrl -Credential $wrong -ProjectName $OpenStackProject -Verbose -Debug } catch { $_ } } 4>&1 5>&1
            $messages = @($good) + @($bad) | Where-Object { $_ -isnot [VeleroOpenShift.Cmdlets.Output.OpenStackSession] } | ForEach-Object { "$_" }
            $messages.Count | Should -BeGreaterThan 2 -Because 'the run must have written verbose and debug lines to check'
            $text = $messages -join "`n"
            $text | Should -Match 'Authentication against identity endpoint'
            $text | Should -Match 'Unauthorized|401'
            $text | Should -Not -Match $OpenStackPassword
            $text | Should -Not -Match $secret
            $text | Should -Not -Match 'gAAAA' -Because 'Keystone''s fernet tokens start so'
        }
    }
}
