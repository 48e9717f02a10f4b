BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    . $PSScriptRoot/OpenStackSetup.ps1
    $script:session = Connect-DemoProject
    $script:container = New-TestContainer $session
    $script:folder = New-TestFolder
}

AfterAll {
    Remove-TestContainer $session $container
    [System.IO.Directory]::Delete($folder, $true)
}

Describe 'Send-SwiftObject' {
    It 'uploads a file under its file name and returns it with -PassThru' {
        $file = New-RandomFile ([System.IO.Path]::Combine($folder, 'plain.bin')) 5000
        $sent = Send-SwiftObject -Container $container -LiteralPath $file -PassThru
        $sent.Name | Should -BeExactly 'plain.bin'
        $sent.Bytes | Should -Be 5000
        (Get-SwiftObject $container -Prefix plain.bin).Bytes | Should -Be 5000
    }

    It 'uses -Name as the object name' {
        $file = New-RandomFile ([System.IO.Path]::Combine($folder, 'named.bin')) 10
        Send-SwiftObject $container -Path $file -Name 'folder/other name.bin' | Should -BeNullOrEmpty
        Test-SwiftObject $container 'folder/other name.bin' | Should -BeTrue
    }

    It 'resolves -Path wildcards and takes file objects from the pipeline' {
        $null = New-RandomFile ([System.IO.Path]::Combine($folder, 'wild-1.dat')) 1
        $null = New-RandomFile ([System.IO.Path]::Combine($folder, 'wild-2.dat')) 2
        Send-SwiftObject $container -Path ([System.IO.Path]::Combine($folder, 'wild-*.dat'))
        @(Get-SwiftObject $container -Prefix wild-) | Should -HaveCount 2
        [System.IO.FileInfo]::new((New-RandomFile ([System.IO.Path]::Combine($folder, 'piped.dat')) 3)) | Send-SwiftObject -Container $container
        (Get-SwiftObject $container -Prefix piped).Bytes | Should -Be 3
    }

    It 'refuses -Name for several files' {
        Send-SwiftObject $container -Path ([System.IO.Path]::Combine($folder, 'wild-*.dat')) -Name one -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Match '^InvalidArgument,.*SendSwiftObjectCommand$'
        Test-SwiftObject $container one | Should -BeFalse
    }

    It 'uploads nothing with -WhatIf' {
        $file = New-RandomFile ([System.IO.Path]::Combine($folder, 'whatif.bin')) 10
        Send-SwiftObject $container -LiteralPath $file -WhatIf
        Test-SwiftObject $container whatif.bin | Should -BeFalse
    }

    It 'reports a missing container as OpenStackNotFound naming container/object' {
        $file = New-RandomFile ([System.IO.Path]::Combine($folder, 'orphan.bin')) 10
        $missing = 'pester-missing-' + [guid]::NewGuid().ToString('N')
        Send-SwiftObject $missing -LiteralPath $file -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeExactly 'OpenStackNotFound,VeleroOpenShift.Cmdlets.Commands.OpenStack.SendSwiftObjectCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -BeExactly "$missing/orphan.bin"
    }

    It 'reports a missing file as PathNotFound' {
        { Send-SwiftObject $container -LiteralPath '/nonexistent/file.bin' -ErrorAction Stop } | Should -Throw -ErrorId 'PathNotFound,*'
    }
}
