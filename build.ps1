#Requires -Version 7.6
<#
.SYNOPSIS
    Builds, tests, packages or cleans VeleroOpenShift.
.DESCRIPTION
    A thin wrapper over the dotnet commands the README lists, for PowerShell users. Everything it does can
    be done without PowerShell: the module is staged by an MSBuild target, the tests run with dotnet test.
.EXAMPLE
    ./build.ps1 -Task Build, Test
.EXAMPLE
    ./build.ps1 -Task Package -Configuration Release
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package', 'Clean')]
    [string[]] $Task = @('Build'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = $PSScriptRoot
$solution = Join-Path $root 'VeleroOpenShift.slnx'

function Invoke-Dotnet {
    param([Parameter(ValueFromRemainingArguments)] [string[]] $Arguments)
    Write-Verbose "dotnet $($Arguments -join ' ')"
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments[0]) failed with exit code $LASTEXITCODE" }
}

foreach ($step in $Task) {
    switch ($step) {
        'Clean' {
            Invoke-Dotnet clean $solution -c $Configuration
            foreach ($folder in 'output', 'artifacts') {
                $path = Join-Path $root $folder
                if (Test-Path $path) { Remove-Item $path -Recurse -Force }
            }
        }
        'Build' {
            # Building the cmdlet project stages output/VeleroOpenShift/<version>/ with help compiled from docs/en-US.
            Invoke-Dotnet build $solution -c $Configuration
        }
        'Test' {
            & bash (Join-Path $root 'tools/test.sh') --configuration $Configuration
            if ($LASTEXITCODE -ne 0) { throw "tests failed (exit code $LASTEXITCODE)" }
        }
        'Package' {
            & bash (Join-Path $root 'tools/package.sh') --configuration $Configuration
            if ($LASTEXITCODE -ne 0) { throw "packaging failed (exit code $LASTEXITCODE)" }
        }
    }
}
