BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    . $PSScriptRoot/OpenStackSetup.ps1
    $script:session = Connect-DemoProject
    $script:container = New-TestContainer $session
    $script:folder = New-TestFolder
    $file = New-RandomFile ([System.IO.Path]::Combine($folder, 'blob.bin')) 2048
    foreach ($name in 'top.txt', 'backups/one/velero-backup.json', 'backups/two/velero-backup.json') {
        Send-SwiftObject -Container $container -LiteralPath $file -Name $name
    }
}

AfterAll {
    Remove-TestContainer $session $container
    [System.IO.Directory]::Delete($folder, $true)
}

Describe 'Get-SwiftObject' {
    It 'lists every object with Name, Bytes, LastModified, ContentType and Container' {
        $all = @(Get-SwiftObject -Container $container)
        $all | Should -HaveCount 3
        $top = $all | Where-Object Name -EQ 'top.txt'
        $top | Should -BeOfType 'VeleroOpenShift.Cmdlets.Output.SwiftObject'
        $top.Bytes | Should -Be 2048
        $top.Container | Should -BeExactly $container
        $top.ContentType | Should -Not -BeNullOrEmpty
        $top.LastModified | Should -BeGreaterThan ([System.DateTimeOffset]::UtcNow.AddHours(-1))
        $top.IsPseudoFolder | Should -BeFalse
    }

    It 'keeps only names under -Prefix' {
        @(Get-SwiftObject $container -Prefix backups/).Name | Should -Be @('backups/one/velero-backup.json', 'backups/two/velero-backup.json')
    }

    It 'groups by -Delimiter into pseudo-folder rows' {
        $level = @(Get-SwiftObject $container -Prefix backups/ -Delimiter /)
        $level.Name | Should -Be @('backups/one/', 'backups/two/')
        $level[0].IsPseudoFolder | Should -BeTrue
        $level[0].Bytes | Should -Be 0
        $root = @(Get-SwiftObject $container -Delimiter /)
        ($root | Where-Object IsPseudoFolder).Name | Should -BeExactly 'backups/'
        ($root | Where-Object { -not $_.IsPseudoFolder }).Name | Should -BeExactly 'top.txt'
    }

    It 'accepts -Session explicitly' {
        @(Get-SwiftObject -Session $session -Container $container) | Should -HaveCount 3
    }

    It 'reports a missing container as OpenStackNotFound with the container as target' {
        $missing = 'pester-missing-' + [guid]::NewGuid().ToString('N')
        Get-SwiftObject -Container $missing -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeExactly 'OpenStackNotFound,VeleroOpenShift.Cmdlets.Commands.OpenStack.GetSwiftObjectCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -BeExactly $missing
    }
}
