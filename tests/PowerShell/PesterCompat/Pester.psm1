# A Pester 5 subset for the PowerShell engine that the xunit tests host in-process, where Pester
# cannot be installed. Test files written against it run unchanged under real Pester 5.
# Like Pester 5, a file is run in two phases: discovery runs the Describe/Context bodies to
# collect the Its, then the run phase executes setups, teardowns and It bodies.

. $PSScriptRoot/Discovery.ps1
. $PSScriptRoot/Run.ps1
. $PSScriptRoot/Should.ps1
. $PSScriptRoot/Format.ps1

# Test code must run in the caller's session state, not in this module's, so that what the test
# file imports or defines is seen by its Its exactly as under Pester. A scriptblock literal is
# bound to the session state that evaluates it; this one is evaluated in the caller's. Each call
# through it opens a new scope there, which is how blocks and Its get Pester's nested scopes.
function New-UserScope ([System.Management.Automation.SessionState] $SessionState) {
    $factory = [scriptblock]::Create(@'
{
    param($______next, $______state, [System.Collections.IDictionary] $______variables)
    if ($null -ne $______variables) {
        foreach ($______name in $______variables.Keys) {
            $ExecutionContext.SessionState.PSVariable.Set($______name, $______variables[$______name])
        }
    }
    & $______next $______state
}
'@)
    $SessionState.InvokeCommand.InvokeScript($SessionState, $factory, @())[0]
}

function Invoke-PesterCompat {
    <#
    .SYNOPSIS
    Discovers and runs one .Tests.ps1 file; returns its discovery error and one result per It.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Path,
        # Stop after discovery: the Its are returned with Outcome NotRun (or Skipped).
        [switch] $DiscoveryOnly
    )

    $fullPath = [System.IO.Path]::GetFullPath($Path)
    $script:UserScope = New-UserScope $PSCmdlet.SessionState
    $root = New-Block -Name ([System.IO.Path]::GetFileName($fullPath)) -Parent $null -Skip $false

    $discoveryError = Invoke-Discovery -Path $fullPath -Root $root
    if ($null -eq $discoveryError -and -not $DiscoveryOnly) {
        Invoke-Block $root
    }

    [pscustomobject]@{
        Path           = $fullPath
        DiscoveryError = $discoveryError
        Tests          = @(foreach ($test in (Get-TestNode $root)) {
                [pscustomobject]@{
                    Path     = $test.Path
                    Outcome  = $test.Outcome
                    Message  = $test.Message
                    Position = $test.Position
                }
            })
    }
}
