# Should and its operators, with Pester 5's input handling and failure messages.

# Operators that take everything piped in as one collection; the others test each item.
$script:CollectionOperators = @('Be', 'BeExactly', 'BeNullOrEmpty', 'Contain', 'HaveCount')
$script:Operators = @(
    'Be', 'BeExactly', 'BeGreaterThan', 'BeLessThan', 'BeNullOrEmpty', 'BeOfType', 'BeTrue', 'BeFalse',
    'Contain', 'HaveCount', 'Match', 'Throw'
)

function Should {
    [CmdletBinding()]
    param(
        [Parameter(ValueFromPipeline)] [AllowNull()] [object] $ActualValue,
        [Parameter(Position = 0)] [Alias('ExpectedType', 'RegularExpression')] [AllowNull()] [object] $ExpectedValue,
        [Parameter(Position = 1)] [string] $Because,
        [switch] $Not,
        [switch] $Be,
        [switch] $BeExactly,
        [switch] $BeGreaterThan,
        [switch] $BeLessThan,
        [switch] $BeNullOrEmpty,
        [Alias('HaveType')] [switch] $BeOfType,
        [switch] $BeTrue,
        [switch] $BeFalse,
        [switch] $Contain,
        [switch] $HaveCount,
        [switch] $Match,
        [switch] $Throw,
        # -Throw filters: a wildcard on the message, a wildcard on the FullyQualifiedErrorId, a type.
        [string] $ExpectedMessage,
        [string] $ErrorId,
        [type] $ExceptionType,
        # -Throw: output the ErrorRecord that was caught.
        [switch] $PassThru
    )

    begin {
        $inputs = [System.Collections.Generic.List[object]]::new()
    }

    process {
        $inputs.Add($ActualValue)
    }

    end {
        $chosen = @(foreach ($name in $script:Operators) { if ($PSBoundParameters.ContainsKey($name) -and $PSBoundParameters[$name]) { $name } })
        if ($chosen.Count -ne 1) {
            throw [System.ArgumentException]::new("Should needs exactly one operator, such as -Be or -Throw; got $($chosen.Count).")
        }
        $operator = $chosen[0]
        if ($operator -eq 'Throw' -and $PSBoundParameters.ContainsKey('ExpectedValue') -and -not $PSBoundParameters.ContainsKey('ExpectedMessage')) {
            $ExpectedMessage = [string] $ExpectedValue
        }

        $values = [System.Collections.Generic.List[object]]::new()
        if ($inputs.Count -eq 0) { $values.Add($null) }
        elseif ($operator -in $script:CollectionOperators) { $values.Add($inputs.ToArray()) }
        else { $values.AddRange($inputs) }

        foreach ($value in $values) {
            $caught = $null
            $failure = switch ($operator) {
                'Be' { Test-Be $value $ExpectedValue $Not $Because $false }
                'BeExactly' { Test-Be $value $ExpectedValue $Not $Because $true }
                'BeGreaterThan' { Test-Order $value $ExpectedValue $(if ($Not) { 'le' } else { 'gt' }) $Because }
                'BeLessThan' { Test-Order $value $ExpectedValue $(if ($Not) { 'ge' } else { 'lt' }) $Because }
                'BeNullOrEmpty' { Test-NullOrEmpty $value $Not $Because }
                'BeOfType' { Test-OfType $value $ExpectedValue $Not $Because }
                'BeTrue' { Test-Truth $value (-not $Not) $Because }
                'BeFalse' { Test-Truth $value ([bool] $Not) $Because }
                'Contain' { Test-Contain $value $ExpectedValue $Not $Because }
                'HaveCount' { Test-Count $value $ExpectedValue $Not $Because }
                'Match' { Test-Match $value $ExpectedValue $Not $Because }
                'Throw' {
                    $caught = Invoke-Capturing $value
                    Test-Throw $caught $Not $ExpectedMessage $ErrorId $ExceptionType $Because
                }
            }

            if ($null -ne $failure) {
                $target = @{
                    Message  = $failure
                    File     = $MyInvocation.ScriptName
                    Line     = $MyInvocation.ScriptLineNumber
                    LineText = $MyInvocation.Line.Trim()
                }
                $record = [System.Management.Automation.ErrorRecord]::new(
                    [System.Exception]::new($failure), 'PesterAssertionFailed', [System.Management.Automation.ErrorCategory]::InvalidResult, $target)
                # Raised as Should's own error so its position is the Should line in the test file.
                $PSCmdlet.ThrowTerminatingError($record)
            }
            if ($operator -eq 'Throw' -and $PassThru) {
                $caught
            }
        }
    }
}

function Test-Be ($Actual, $Expected, [bool] $Negate, [string] $Because, [bool] $CaseSensitive) {
    $equal = Test-Equivalent $Actual $Expected $CaseSensitive 0
    if ($equal -ne $Negate) { return }

    $exactly = if ($CaseSensitive) { 'exactly ' } else { '' }
    if ($Negate) {
        return "Expected $(Format-Nicely $Expected) to be different from the actual value,$(Format-Because $Because) but got ${exactly}the same value."
    }
    # A single item is compared as itself; unwrap it so that two strings get the string diff.
    $Actual = $($Actual)
    $Expected = $($Expected)
    if ($Actual -is [string] -and $Expected -is [string]) {
        return Format-StringDifference $Actual $Expected $Because $CaseSensitive
    }
    "Expected $exactly$(Format-Nicely $Expected),$(Format-Because $Because) but got $(Format-Nicely $Actual)."
}

# Pester 5's -Be equality: null and empty collections are alike, collections compare item by item,
# items with -eq (-ceq) with the expected value on the left.
function Test-Equivalent ([object[]] $First, [object[]] $Second, [bool] $CaseSensitive, [int] $Depth) {
    if ($Depth -gt 100) {
        throw "Reached the recursion depth limit of 100 when comparing arrays. Is one of them cyclic?"
    }
    $firstEmpty = Test-EmptyCollection $First
    $secondEmpty = Test-EmptyCollection $Second
    if ($firstEmpty -or $secondEmpty) { return $firstEmpty -and $secondEmpty }
    if ($First.Count -ne $Second.Count) { return $false }

    for ($i = 0; $i -lt $First.Count; $i++) {
        if ($First[$i] -is [array] -or $Second[$i] -is [array]) {
            if (-not (Test-Equivalent $First[$i] $Second[$i] $CaseSensitive ($Depth + 1))) { return $false }
        }
        elseif ($CaseSensitive) {
            if (-not ($Second[$i] -ceq $First[$i])) { return $false }
        }
        elseif (-not ($Second[$i] -eq $First[$i])) {
            return $false
        }
    }
    $true
}

function Test-EmptyCollection ([object[]] $Items) {
    $null -eq $Items -or $Items.Count -eq 0 -or ($Items.Count -eq 1 -and $null -eq $Items[0])
}

function Format-StringDifference ([string] $Actual, [string] $Expected, [string] $Because, [bool] $CaseSensitive) {
    $length = [System.Math]::Max($Expected.Length, $Actual.Length)
    $index = 0
    while ($index -lt $length) {
        $e = if ($index -lt $Expected.Length) { $Expected[$index] } else { $null }
        $a = if ($index -lt $Actual.Length) { $Actual[$index] } else { $null }
        $differ = if ($CaseSensitive) { $e -cne $a } else { $e -ne $a }
        if ($differ) { break }
        $index++
    }

    $lines = [System.Collections.Generic.List[string]]::new()
    $lines.Add("Expected strings to be the same,$(Format-Because $Because) but they were different.")
    if ($Expected.Length -ne $Actual.Length) {
        $lines.Add("Expected length: $($Expected.Length)")
        $lines.Add("Actual length:   $($Actual.Length)")
    }
    else {
        $lines.Add("String lengths are both $($Expected.Length).")
    }
    $lines.Add("Strings differ at index $index.")
    $lines.Add("Expected: '$(Format-ControlCharacter $Expected)'")
    $lines.Add("But was:  '$(Format-ControlCharacter $Actual)'")
    $lines.Add((' ' * 11) + ('-' * $index) + '^')
    $lines -join "`n"
}

function Test-NullOrEmpty ($Actual, [bool] $Negate, [string] $Because) {
    $empty = if ($null -eq $Actual -or $Actual.Count -eq 0) { $true }
    elseif ($Actual.Count -eq 1) {
        $single = $Actual[0]
        if ($single -is [hashtable]) { $single.Count -eq 0 } else { [string]::IsNullOrEmpty($single) }
    }
    else { $false }

    if ($empty -ne $Negate) { return }
    if ($Negate) { return "Expected a value,$(Format-Because $Because) but got `$null or empty." }
    "Expected `$null or empty,$(Format-Because $Because) but got $(Format-Nicely $Actual)."
}

function Test-Truth ($Actual, [bool] $WantTrue, [string] $Because) {
    if ([bool] $Actual -eq $WantTrue) { return }
    $wanted = if ($WantTrue) { '$true' } else { '$false' }
    "Expected $wanted,$(Format-Because $Because) but got $(Format-Nicely $Actual)."
}

# -BeGreaterThan negated is "less than or equal", -BeLessThan negated "greater than or equal".
function Test-Order ($Actual, $Expected, [ValidateSet('gt', 'ge', 'lt', 'le')] [string] $Comparison, [string] $Because) {
    $holds = switch ($Comparison) {
        'gt' { $Actual -gt $Expected }
        'ge' { $Actual -ge $Expected }
        'lt' { $Actual -lt $Expected }
        'le' { $Actual -le $Expected }
    }
    if ($holds) { return }
    $relation = @{ gt = 'greater than'; ge = 'greater than or equal to'; lt = 'less than'; le = 'less than or equal to' }[$Comparison]
    "Expected the actual value to be $relation $(Format-Nicely $Expected),$(Format-Because $Because) but got $(Format-Nicely $Actual)."
}

function Test-OfType ($Actual, $ExpectedType, [bool] $Negate, [string] $Because) {
    if ($ExpectedType -is [string]) {
        $parsed = ($ExpectedType -replace '^\[(.*)\]$', '$1') -as [type]
        if ($null -eq $parsed) {
            throw [System.ArgumentException]::new("Could not find type [$ExpectedType]. Make sure that the assembly that contains that type is loaded.")
        }
        $ExpectedType = $parsed
    }
    if (($Actual -is $ExpectedType) -ne $Negate) { return }
    $actualType = if ($null -ne $Actual) { $Actual.GetType() } else { $null }
    $not = if ($Negate) { 'not ' } else { '' }
    "Expected the value to ${not}have type $(Format-Nicely $ExpectedType) or any of its subtypes,$(Format-Because $Because) but got $(Format-Nicely $Actual) with type $(Format-Nicely $actualType)."
}

function Test-Contain ($Actual, $Expected, [bool] $Negate, [string] $Because) {
    if (($Actual -contains $Expected) -ne $Negate) { return }
    if ($Negate) {
        return "Expected $(Format-Nicely $Expected) to not be found in collection $(Format-Nicely $Actual),$(Format-Because $Because) but it was found."
    }
    "Expected $(Format-Nicely $Expected) to be found in collection $(Format-Nicely $Actual),$(Format-Because $Because) but it was not found."
}

function Test-Count ($Actual, [int] $Expected, [bool] $Negate, [string] $Because) {
    if ($Expected -lt 0) {
        throw [System.ArgumentException]::new('Expected collection size must be greater than or equal to 0.')
    }
    $count = if ($null -eq $Actual) { 0 } else { $Actual.Count }
    if (($count -eq $Expected) -ne $Negate) { return }

    if ($Negate) {
        $expect = if ($Expected -eq 0) { 'Expected a non-empty collection' } else { "Expected a collection with size different from $Expected" }
        $but = if ($count -ne 0) { "but got collection with that size $(Format-Nicely $Actual)." } else { 'but got an empty collection.' }
    }
    else {
        $expect = if ($Expected -eq 0) { 'Expected an empty collection' } else { "Expected a collection with size $Expected" }
        $but = if ($count -ne 0) { "but got collection with size $count $(Format-Nicely $Actual)." } else { 'but got an empty collection.' }
    }
    "$expect,$(Format-Because $Because) $but"
}

function Test-Match ($Actual, $Pattern, [bool] $Negate, [string] $Because) {
    if (($Actual -match $Pattern) -ne $Negate) { return }
    if ($Negate) {
        return "Expected regular expression $(Format-Nicely $Pattern) to not match $(Format-Nicely $Actual),$(Format-Because $Because) but it did match."
    }
    "Expected regular expression $(Format-Nicely $Pattern) to match $(Format-Nicely $Actual),$(Format-Because $Because) but it did not match."
}

# Runs the -Throw input; returns what it threw, or $null.
function Invoke-Capturing ($ScriptBlock) {
    if ($ScriptBlock -isnot [scriptblock]) {
        throw [System.ArgumentException]::new("Input is missing or not a ScriptBlock. Input to '-Throw' and '-Not -Throw' must be enclosed in curly braces.")
    }
    try {
        do { $null = & $ScriptBlock } until ($true)
        $null
    }
    catch {
        $_
    }
}

function Test-Throw ([System.Management.Automation.ErrorRecord] $Caught, [bool] $Negate, [string] $ExpectedMessage, [string] $ErrorId, [type] $ExceptionType, [string] $Because) {
    $thrown = $null -ne $Caught
    $where = ''
    if ($thrown -and $null -ne $Caught.InvocationInfo) {
        $where = (@($Caught.InvocationInfo.PositionMessage -split '\r?\n' | Where-Object { $_ -match '\S' }) -join [System.Environment]::NewLine) -replace '^At ', 'from '
    }

    if ($Negate) {
        if (-not $thrown) { return }
        return "Expected no exception to be thrown,$(Format-Because $Because) but an exception `"$($Caught.Exception.Message)`" was thrown $where."
    }

    $filters = [System.Collections.Generic.List[string]]::new()
    $buts = [System.Collections.Generic.List[string]]::new()
    if ($null -ne $ExceptionType) {
        $filters.Add("type $(Format-Nicely $ExceptionType)")
        if ($thrown -and $Caught.Exception -isnot $ExceptionType) {
            $buts.Add("the exception type was $(Format-Nicely $Caught.Exception.GetType())")
        }
    }
    if (-not [string]::IsNullOrWhiteSpace($ExpectedMessage)) {
        $filters.Add("message like $(Format-Nicely ([System.Management.Automation.WildcardPattern]::Unescape($ExpectedMessage)))")
        if ($thrown -and -not ($Caught.Exception.Message -like $ExpectedMessage)) {
            $buts.Add("the message was $(Format-Nicely $Caught.Exception.Message)")
        }
    }
    if (-not [string]::IsNullOrWhiteSpace($ErrorId)) {
        $filters.Add("FullyQualifiedErrorId $(Format-Nicely $ErrorId)")
        if ($thrown -and -not ($Caught.FullyQualifiedErrorId -like $ErrorId)) {
            $buts.Add("the FullyQualifiedErrorId was $(Format-Nicely $Caught.FullyQualifiedErrorId)")
        }
    }
    if (-not $thrown) {
        $buts.Add('no exception was thrown')
    }
    if ($buts.Count -eq 0) { return }

    $filter = if ($filters.Count -gt 0) { " with $(Join-And $filters)" } else { '' }
    "Expected an exception$filter to be thrown,$(Format-Because $Because) but $(Join-And $buts). $where".Trim()
}

# "a", "a and b", "a, b and c"
function Join-And ([string[]] $Items) {
    if ($Items.Count -le 1) { return $Items -join '' }
    ($Items[0..($Items.Count - 2)] -join ', ') + ' and ' + $Items[-1]
}
