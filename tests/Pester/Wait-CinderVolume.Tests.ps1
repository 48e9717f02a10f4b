BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    . $PSScriptRoot/OpenStackSetup.ps1
    . $PSScriptRoot/CinderSetup.ps1
    $script:session = Connect-DemoProject
    $script:volume = New-TestVolume
}

AfterAll {
    Remove-TestResource volumes $volume
}

Describe 'Wait-CinderVolume' {
    It 'returns an available volume' {
        $waited = Wait-CinderVolume $volume -Timeout 00:00:30
        $waited | Should -BeOfType 'VeleroOpenShift.Cmdlets.Output.CinderVolume'
        $waited.Status | Should -BeExactly 'available'
    }

    It 'waits for a volume that is still being created, binding VolumeId from Get-CinderVolume' {
        $answer = Invoke-Cinder POST '/volumes' '{"volume":{"size":1,"name":"pester-wait"}}'
        $created = $answer.Json.GetProperty('volume').GetProperty('id').GetString()
        try {
            (Get-CinderVolume $created | Wait-CinderVolume -Timeout 00:01:00).Status | Should -BeExactly 'available'
        }
        finally { Remove-TestResource volumes $created }
    }

    It 'reports a missing volume as OpenStackNotFound' {
        $missing = [guid]::NewGuid().ToString()
        Wait-CinderVolume $missing -Timeout 00:00:10 -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeExactly 'OpenStackNotFound,VeleroOpenShift.Cmdlets.Commands.Cinder.WaitCinderVolumeCommand'
        $failures[0].TargetObject | Should -BeExactly $missing
    }
}
