BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
}

Describe 'VeleroOpenShift module' {
    It 'is imported from the staged output folder' {
        $module = Get-Module -Name VeleroOpenShift
        $module | Should -HaveCount 1
        $module.ModuleBase | Should -Be ([System.IO.Path]::GetDirectoryName($StagedModuleManifest))
    }

    It 'carries the version set in Directory.Build.props' {
        $props = [System.IO.File]::ReadAllText([System.IO.Path]::Combine($PSScriptRoot, '..', '..', 'Directory.Build.props'))
        $versionPrefix = [regex]::Match($props, '<VersionPrefix>([^<]+)</VersionPrefix>').Groups[1].Value
        (Get-Module -Name VeleroOpenShift).Version | Should -Be ([version] $versionPrefix)
    }
}
