BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    . $PSScriptRoot/OpenStackSetup.ps1
    $script:session = Connect-DemoProject
    $script:container = New-TestContainer $session
    $script:folder = New-TestFolder
    $script:original = New-RandomFile ([System.IO.Path]::Combine($folder, 'original.bin')) (6 * 1024 * 1024 + 123)
    Send-SwiftObject -Container $container -LiteralPath $original -Name 'dir/round-trip.bin'
}

AfterAll {
    Remove-TestContainer $session $container
    [System.IO.Directory]::Delete($folder, $true)
}

Describe 'Save-SwiftObject' {
    It 'round-trips a file with identical bytes' {
        $copy = [System.IO.Path]::Combine($folder, 'copy.bin')
        $saved = Save-SwiftObject -Container $container -Name 'dir/round-trip.bin' -Destination $copy
        $saved | Should -BeOfType 'System.IO.FileInfo'
        $saved.FullName | Should -BeExactly $copy
        $expected = [System.Convert]::ToHexString([System.Security.Cryptography.SHA256]::HashData([System.IO.File]::ReadAllBytes($original)))
        [System.Convert]::ToHexString([System.Security.Cryptography.SHA256]::HashData([System.IO.File]::ReadAllBytes($copy))) | Should -BeExactly $expected
        [System.IO.File]::Exists("$copy.partial") | Should -BeFalse
    }

    It 'saves into a folder under the last name segment, binding Get-SwiftObject output' {
        $into = [System.IO.Directory]::CreateDirectory([System.IO.Path]::Combine($folder, 'into')).FullName
        Get-SwiftObject $container -Prefix dir/ | Save-SwiftObject -Destination $into
        [System.IO.FileInfo]::new([System.IO.Path]::Combine($into, 'round-trip.bin')).Length | Should -Be ([System.IO.FileInfo]::new($original).Length)
    }

    It 'does not overwrite without -Force, and does with it' {
        $target = [System.IO.Path]::Combine($folder, 'existing.bin')
        [System.IO.File]::WriteAllText($target, 'keep me')
        Save-SwiftObject $container 'dir/round-trip.bin' $target -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeExactly 'DestinationExists,VeleroOpenShift.Cmdlets.Commands.OpenStack.SaveSwiftObjectCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $failures[0].TargetObject | Should -BeExactly $target
        [System.IO.File]::ReadAllText($target) | Should -BeExactly 'keep me'
        Save-SwiftObject $container 'dir/round-trip.bin' $target -Force -WhatIf
        [System.IO.File]::ReadAllText($target) | Should -BeExactly 'keep me'
        $null = Save-SwiftObject $container 'dir/round-trip.bin' $target -Force
        [System.IO.FileInfo]::new($target).Length | Should -Be ([System.IO.FileInfo]::new($original).Length)
    }

    It 'reports a missing object as OpenStackNotFound naming container/object, and writes no file' {
        $target = [System.IO.Path]::Combine($folder, 'missing.bin')
        Save-SwiftObject $container 'no/such/object' $target -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeExactly 'OpenStackNotFound,VeleroOpenShift.Cmdlets.Commands.OpenStack.SaveSwiftObjectCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -BeExactly "$container/no/such/object"
        [System.IO.File]::Exists($target) | Should -BeFalse
        [System.IO.File]::Exists("$target.partial") | Should -BeFalse
    }
}
