BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    . $PSScriptRoot/OpenStackSetup.ps1
    $script:session = Connect-DemoProject
    $script:container = New-TestContainer $session
    $script:folder = New-TestFolder
    Send-SwiftObject $container -LiteralPath (New-RandomFile ([System.IO.Path]::Combine($folder, 'here.bin')) 1)
}

AfterAll {
    Remove-TestContainer $session $container
    [System.IO.Directory]::Delete($folder, $true)
}

Describe 'Test-SwiftObject' {
    It 'returns $true for an object that exists' {
        $result = Test-SwiftObject -Container $container -Name here.bin
        $result | Should -BeOfType 'System.Boolean'
        $result | Should -BeTrue
    }

    It 'returns $false for a missing object and for a missing container' {
        Test-SwiftObject $container gone.bin | Should -BeFalse
        Test-SwiftObject ('pester-missing-' + [guid]::NewGuid().ToString('N')) here.bin | Should -BeFalse
    }

    It 'takes Container and Name from the pipeline' {
        Get-SwiftObject $container | Test-SwiftObject | Should -BeTrue
    }

    It 'stops when no session exists in the runspace' {
        $runspace = [runspacefactory]::CreateRunspace([initialsessionstate]::CreateDefault2())
        $runspace.Open()
        try {
            $ps = [powershell]::Create()
            $ps.Runspace = $runspace
            $null = $ps.AddCommand('Import-Module').AddParameter('Name', $StagedModuleManifest).AddStatement().AddCommand('Test-SwiftObject').AddParameter('Container', $container).AddParameter('Name', 'here.bin')
            $ids = @()
            $output = @()
            try {
                $output = @($ps.Invoke())
            }
            catch {
                for ($e = $_.Exception; $e; $e = $e.InnerException) {
                    if ($e -is [System.Management.Automation.IContainsErrorRecord]) { $ids += $e.ErrorRecord.FullyQualifiedErrorId }
                }
            }
            $ids += @($ps.Streams.Error | ForEach-Object { $_.FullyQualifiedErrorId })
            $output | Should -HaveCount 0 -Because 'the session of this runspace must not leak into another'
            $ids | Should -Contain 'OpenStackInvalidConfiguration,VeleroOpenShift.Cmdlets.Commands.OpenStack.TestSwiftObjectCommand'
        }
        finally {
            $runspace.Dispose()
        }
    }
}
