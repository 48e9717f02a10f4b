BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    . $PSScriptRoot/OpenStackSetup.ps1
    $script:session = Connect-DemoProject
    $script:container = New-TestContainer $session
    $script:folder = New-TestFolder
    $script:file = New-RandomFile ([System.IO.Path]::Combine($folder, 'shared.bin')) 4096
    Send-SwiftObject $container -LiteralPath $file -Name 'dir/shared file.bin'
    Set-SwiftTempUrlKey -Container $container -Key ([System.Net.NetworkCredential]::new('', 'pester-' + [guid]::NewGuid().ToString('N')).SecurePassword)
    $script:http = [System.Net.Http.HttpClient]::new()
}

AfterAll {
    $http.Dispose()
    Remove-TestContainer $session $container
    [System.IO.Directory]::Delete($folder, $true)
}

Describe 'New-SwiftTempUrl' {
    It 'signs a GET that Swift''s tempurl middleware serves with the object''s bytes, for <digest>' -ForEach @(@{ digest = 'sha1' }, @{ digest = 'sha256' }, @{ digest = 'sha512' }) {
        $temp = New-SwiftTempUrl -Container $container -Name 'dir/shared file.bin' -Digest $digest -TimeToLive ([timespan]::FromMinutes(5))
        $temp | Should -BeOfType 'VeleroOpenShift.Cmdlets.Output.SwiftTempUrl'
        $temp.ExpiresAt | Should -BeGreaterThan ([System.DateTimeOffset]::UtcNow.AddMinutes(4))
        $bytes = $http.GetByteArrayAsync($temp.Url).GetAwaiter().GetResult()
        [System.Convert]::ToHexString($bytes) | Should -BeExactly ([System.Convert]::ToHexString([System.IO.File]::ReadAllBytes($file)))
    }

    It 'signs only the method asked for: a PUT URL uploads, and does not download' {
        $put = New-SwiftTempUrl $container 'uploaded.txt' -Method PUT
        $response = $http.PutAsync($put.Url, [System.Net.Http.StringContent]::new('via temp url')).GetAwaiter().GetResult()
        [int] $response.StatusCode | Should -Be 201
        Test-SwiftObject $container uploaded.txt | Should -BeTrue
        [int] $http.GetAsync($put.Url).GetAwaiter().GetResult().StatusCode | Should -Be 401
    }

    It 'takes Container and Name from Get-SwiftObject' {
        (Get-SwiftObject $container -Prefix dir/ | New-SwiftTempUrl).Name | Should -BeExactly 'dir/shared file.bin'
    }

    It 'makes no URL with -WhatIf' {
        New-SwiftTempUrl $container 'dir/shared file.bin' -WhatIf | Should -BeNullOrEmpty
    }

    It 'rejects a digest Swift does not offer and a time to live that is not positive' {
        { New-SwiftTempUrl $container x -Digest md5 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        { New-SwiftTempUrl $container x -TimeToLive ([timespan]::Zero) -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidArgument,VeleroOpenShift.Cmdlets.Commands.OpenStack.NewSwiftTempUrlCommand'
    }
}
