# Discovery phase: the keywords a test file calls while it is being discovered, and the tree of
# blocks and Its they build.

# The block whose body is being discovered; $null outside discovery.
$script:CurrentBlock = $null

function New-Block ([string] $Name, $Parent, [bool] $Skip) {
    # The root block stands for the file and is not part of any It's path.
    [string[]] $path = if ($null -ne $Parent) { $Parent.Path + $Name } else { @() }
    [pscustomobject]@{
        Kind       = 'Block'
        Name       = $Name
        Path       = $path
        Parent     = $Parent
        Skip       = $Skip -or ($null -ne $Parent -and $Parent.Skip)
        BeforeAll  = [System.Collections.Generic.List[scriptblock]]::new()
        AfterAll   = [System.Collections.Generic.List[scriptblock]]::new()
        BeforeEach = [System.Collections.Generic.List[scriptblock]]::new()
        AfterEach  = [System.Collections.Generic.List[scriptblock]]::new()
        Items      = [System.Collections.Generic.List[object]]::new()
    }
}

function Invoke-Discovery ([string] $Path, $Root) {
    $tokens = $null
    $parseErrors = $null
    $ast = [System.Management.Automation.Language.Parser]::ParseFile($Path, [ref] $tokens, [ref] $parseErrors)
    if ($parseErrors.Count -gt 0) {
        return 'Discovery failed: the file does not parse.' + [System.Environment]::NewLine + (
            @($parseErrors | ForEach-Object { "$($_.Message) ($($_.Extent.File):$($_.Extent.StartLineNumber))" }) -join [System.Environment]::NewLine)
    }

    $script:CurrentBlock = $Root
    try {
        # Unbound, so the file binds to the caller's session state when the user scope invokes it.
        $null = & $script:UserScope $ast.GetScriptBlock() $null $null
        $null
    }
    catch {
        $failure = Get-FailureText $_
        "Discovery failed: $($failure.Message)" + [System.Environment]::NewLine + $failure.Position
    }
    finally {
        $script:CurrentBlock = $null
    }
}

function Assert-Discovering ([string] $Keyword) {
    if ($null -eq $script:CurrentBlock) {
        throw "$Keyword can only be called while a test file is discovered: inside a Describe or Context body, or at the top of the file."
    }
}

function Add-Block ([string] $Keyword, [string] $Name, [scriptblock] $Fixture, [bool] $Skip) {
    Assert-Discovering $Keyword
    if ($null -eq $Fixture) {
        throw "$Keyword '$Name' has no script block. Is the opening brace on the next line?"
    }
    $parent = $script:CurrentBlock
    $block = New-Block -Name $Name -Parent $parent -Skip $Skip
    $parent.Items.Add($block)
    $script:CurrentBlock = $block
    try {
        # Discovery runs the body in its own scope, as Pester does: what it defines is gone at run time.
        $null = & $Fixture
    }
    finally {
        $script:CurrentBlock = $parent
    }
}

function Describe {
    param(
        [Parameter(Mandatory, Position = 0)] [string] $Name,
        [Parameter(Position = 1)] [scriptblock] $Fixture,
        [string[]] $Tag,
        [switch] $Skip
    )
    Add-Block -Keyword 'Describe' -Name $Name -Fixture $Fixture -Skip $Skip
}

function Context {
    param(
        [Parameter(Mandatory, Position = 0)] [string] $Name,
        [Parameter(Position = 1)] [scriptblock] $Fixture,
        [string[]] $Tag,
        [switch] $Skip
    )
    Add-Block -Keyword 'Context' -Name $Name -Fixture $Fixture -Skip $Skip
}

function It {
    param(
        [Parameter(Mandatory, Position = 0)] [string] $Name,
        [Parameter(Position = 1)] [scriptblock] $Test,
        [Alias('ForEach')] [object[]] $TestCases,
        [string[]] $Tag,
        [switch] $Skip
    )
    Assert-Discovering 'It'
    if ($null -eq $Test) {
        throw "It '$Name' has no script block. Is the opening brace on the next line?"
    }
    $block = $script:CurrentBlock
    if (-not $PSBoundParameters.ContainsKey('TestCases')) {
        $block.Items.Add((New-TestNode -Block $block -Name $Name -Test $Test -Skip $Skip -HasCase $false -Case $null))
        return
    }
    foreach ($case in $TestCases) {
        $block.Items.Add((New-TestNode -Block $block -Name (Expand-TestName $Name $case) -Test $Test -Skip $Skip -HasCase $true -Case $case))
    }
}

function New-TestNode ($Block, [string] $Name, [scriptblock] $Test, [bool] $Skip, [bool] $HasCase, $Case) {
    # As in Pester 5, a test case's keys become variables of the It, and $_ is the case itself.
    $variables = $null
    if ($HasCase) {
        $variables = @{ '_' = $Case }
        if ($Case -is [System.Collections.IDictionary]) {
            foreach ($key in $Case.Keys) { $variables[[string] $key] = $Case[$key] }
        }
    }
    [pscustomobject]@{
        Kind        = 'Test'
        Name        = $Name
        Path        = [string[]] ($Block.Path + $Name)
        Block       = $Block
        ScriptBlock = $Test
        Variables   = $variables
        # Passed as parameters too when the It body declares a param block, as Pester does.
        Parameters  = $(if ($HasCase -and $Case -is [System.Collections.IDictionary] -and $null -ne $Test.Ast.ParamBlock) { $Case } else { $null })
        Skip        = $Skip -or $Block.Skip
        Outcome     = $(if ($Skip -or $Block.Skip) { 'Skipped' } else { 'NotRun' })
        Message     = $null
        Position    = $null
    }
}

# <name> in an It name is replaced by the test case's value of that key, <_> by the case itself.
function Expand-TestName ([string] $Name, $Case) {
    $expanded = $Name.Replace('<_>', "$Case")
    if ($Case -is [System.Collections.IDictionary]) {
        foreach ($key in $Case.Keys) {
            $expanded = $expanded.Replace("<$key>", "$($Case[$key])")
        }
    }
    $expanded
}

function BeforeAll {
    param([Parameter(Mandatory, Position = 0)] [scriptblock] $Scriptblock)
    Assert-Discovering 'BeforeAll'
    $script:CurrentBlock.BeforeAll.Add($Scriptblock)
}

function AfterAll {
    param([Parameter(Mandatory, Position = 0)] [scriptblock] $Scriptblock)
    Assert-Discovering 'AfterAll'
    $script:CurrentBlock.AfterAll.Add($Scriptblock)
}

function BeforeEach {
    param([Parameter(Mandatory, Position = 0)] [scriptblock] $Scriptblock)
    Assert-Discovering 'BeforeEach'
    $script:CurrentBlock.BeforeEach.Add($Scriptblock)
}

function AfterEach {
    param([Parameter(Mandatory, Position = 0)] [scriptblock] $Scriptblock)
    Assert-Discovering 'AfterEach'
    $script:CurrentBlock.AfterEach.Add($Scriptblock)
}

function BeforeDiscovery {
    param([Parameter(Mandatory, Position = 0)] [scriptblock] $Scriptblock)
    Assert-Discovering 'BeforeDiscovery'
    # Dot-sourced into the body being discovered, so what it defines feeds -TestCases below it.
    $null = . $Scriptblock
}

# Every It under a block, in the order the file declares them.
function Get-TestNode ($Block) {
    foreach ($item in $Block.Items) {
        if ($item.Kind -eq 'Block') { Get-TestNode $item } else { $item }
    }
}
