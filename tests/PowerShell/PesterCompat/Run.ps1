# Run phase: walks the discovered tree. Each block runs in a new scope of the caller's session
# state and each It in a child scope of its block, so BeforeAll variables reach the block's Its
# and nested blocks, and BeforeEach, the It body and AfterEach share the It's scope.

function Invoke-Block ($Block) {
    if (-not (Test-HasRunnableTest $Block)) {
        # Pester runs no setup for a block whose Its are all skipped.
        return
    }
    $null = & $script:UserScope $script:BlockInScope $Block $null
}

$script:BlockInScope = {
    param($Block)
    $setupFailure = $null
    try {
        foreach ($setup in $Block.BeforeAll) { Invoke-InCurrentScope $setup $null }
    }
    catch {
        $setupFailure = $_
    }

    foreach ($item in $Block.Items) {
        if ($null -ne $setupFailure) {
            Set-Failed -Tests @(Get-Runnable $item) -ErrorRecord $setupFailure -Prefix 'BeforeAll failed: '
        }
        elseif ($item.Kind -eq 'Block') {
            Invoke-Block $item
        }
        elseif (-not $item.Skip) {
            $null = & $script:UserScope $script:TestInScope $item $item.Variables
        }
    }

    foreach ($teardown in $Block.AfterAll) {
        try {
            Invoke-InCurrentScope $teardown $null
        }
        catch {
            # Pester fails the block; here the block's Its carry that failure so the host sees it.
            Set-Failed -Tests (@(Get-TestNode $Block).Where({ $_.Outcome -eq 'Passed' })) -ErrorRecord $_ -Prefix 'AfterAll failed: '
        }
    }
}

$script:TestInScope = {
    param($Test)
    $chain = @(Get-BlockChain $Test.Block)
    $failure = $null
    try {
        foreach ($block in $chain) {
            foreach ($setup in $block.BeforeEach) { Invoke-InCurrentScope $setup $null }
        }
        Invoke-InCurrentScope $Test.ScriptBlock $Test.Parameters
    }
    catch {
        $failure = $_
    }

    # Teardowns run even after a failure, innermost block first.
    for ($i = $chain.Count - 1; $i -ge 0; $i--) {
        foreach ($teardown in $chain[$i].AfterEach) {
            try {
                Invoke-InCurrentScope $teardown $null
            }
            catch {
                if ($null -eq $failure) { $failure = $_ }
            }
        }
    }

    if ($null -eq $failure) {
        $Test.Outcome = 'Passed'
    }
    else {
        Set-Failed -Tests @($Test) -ErrorRecord $failure -Prefix ''
    }
}

# Dot-sourcing runs a scriptblock in the current scope of the session state it is bound to: the
# scope the user scope opened for the block or It being run.
function Invoke-InCurrentScope ([scriptblock] $ScriptBlock, [System.Collections.IDictionary] $Parameters) {
    # The loop keeps a stray break or continue in test code from escaping into the runner.
    do {
        if ($null -eq $Parameters) { $null = . $ScriptBlock } else { $null = . $ScriptBlock @Parameters }
    } until ($true)
}

# The blocks from the root down to $Block, outermost first.
function Get-BlockChain ($Block) {
    $chain = [System.Collections.Generic.List[object]]::new()
    for ($current = $Block; $null -ne $current; $current = $current.Parent) { $chain.Insert(0, $current) }
    $chain
}

function Get-Runnable ($Item) {
    if ($Item.Kind -eq 'Block') { @(Get-TestNode $Item).Where({ -not $_.Skip }) } elseif (-not $Item.Skip) { $Item }
}

function Test-HasRunnableTest ($Block) {
    foreach ($test in (Get-TestNode $Block)) {
        if (-not $test.Skip) { return $true }
    }
    $false
}

function Set-Failed ([object[]] $Tests, [System.Management.Automation.ErrorRecord] $ErrorRecord, [string] $Prefix) {
    $failure = Get-FailureText $ErrorRecord
    foreach ($test in $Tests) {
        $test.Outcome = 'Failed'
        $test.Message = $Prefix + $failure.Message
        $test.Position = $failure.Position
    }
}

# The message, and where in the test files it was raised, as Pester prints them.
function Get-FailureText ([System.Management.Automation.ErrorRecord] $ErrorRecord) {
    $message = if ($ErrorRecord.FullyQualifiedErrorId -like 'PesterAssertionFailed*') {
        $ErrorRecord.Exception.Message
    }
    else {
        "$($ErrorRecord.Exception.GetType().Name): $($ErrorRecord.Exception.Message)"
    }

    $lines = [System.Collections.Generic.List[string]]::new()
    $info = $ErrorRecord.InvocationInfo
    if ($null -ne $info -and -not [string]::IsNullOrEmpty($info.ScriptName) -and -not (Test-CompatFile $info.ScriptName)) {
        $lines.Add("at $($info.Line.Trim()), $($info.ScriptName):$($info.ScriptLineNumber)")
    }
    foreach ($frame in ($ErrorRecord.ScriptStackTrace -split '\r?\n')) {
        # Frames of this module and of its scope wrapper (no file) are noise for the test author.
        if ($frame -match ', (?<file>.+): line \d+$' -and $Matches.file -ne '<No file>' -and -not (Test-CompatFile $Matches.file)) {
            $lines.Add($frame)
        }
    }
    @{ Message = $message; Position = $lines -join [System.Environment]::NewLine }
}

function Test-CompatFile ([string] $Path) {
    [System.IO.Path]::GetDirectoryName($Path) -eq $PSScriptRoot
}
