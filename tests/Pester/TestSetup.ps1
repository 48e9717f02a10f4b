# Dot-sourced by every test file:  BeforeAll { . $PSScriptRoot/TestSetup.ps1 }
# Imports the module as the build staged it (output/VeleroOpenShift/<version>/), so the tests
# exercise what ships. Only .NET calls and Import-Module: the engine that the xunit tests host
# has no other commands, and real Pester 5 runs this file the same way.

$moduleFolder = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..', '..', 'output', 'VeleroOpenShift'))
$versionFolders = @(if ([System.IO.Directory]::Exists($moduleFolder)) { [System.IO.Directory]::GetDirectories($moduleFolder) })
if ($versionFolders.Count -ne 1) {
    throw "Expected exactly one staged version of the module under '$moduleFolder', found $($versionFolders.Count). Build it first: dotnet build src/VeleroOpenShift.Cmdlets"
}

# The manifest the tests run against; tests may compare with it.
$StagedModuleManifest = [System.IO.Path]::Combine($versionFolders[0], 'VeleroOpenShift.psd1')
Import-Module -Name $StagedModuleManifest -Force -ErrorAction Stop
