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

Describe 'Get-CinderVolume' {
    It 'lists the volumes of the project with VolumeId, Status, SizeGiB, VolumeType and Metadata' {
        $mine = @(Get-CinderVolume | Where-Object VolumeId -EQ $volume)
        $mine | Should -HaveCount 1
        $mine[0] | Should -BeOfType 'VeleroOpenShift.Cmdlets.Output.CinderVolume'
        $mine[0].Status | Should -BeExactly 'available'
        $mine[0].SizeGiB | Should -Be 1
        $mine[0].VolumeType | Should -BeExactly '__DEFAULT__'
        $mine[0].Metadata['app'] | Should -BeExactly 'db'
        $mine[0].CreatedAt | Should -BeGreaterThan ([System.DateTimeOffset]::UtcNow.AddHours(-1))
    }

    It 'gets the volumes named by -VolumeId, also from the pipeline' {
        (Get-CinderVolume -VolumeId $volume).VolumeId | Should -BeExactly $volume
        ($volume | Get-CinderVolume -Session $session).VolumeId | Should -BeExactly $volume
    }

    It 'reports a missing volume as OpenStackNotFound with the volume id as target and goes on' {
        $missing = [guid]::NewGuid().ToString()
        $found = @(Get-CinderVolume -VolumeId $missing, $volume -ErrorVariable failures -ErrorAction SilentlyContinue)
        $found.VolumeId | Should -BeExactly $volume
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeExactly 'OpenStackNotFound,VeleroOpenShift.Cmdlets.Commands.Cinder.GetCinderVolumeCommand'
        $failures[0].TargetObject | Should -BeExactly $missing
    }
}
