# Fixture for PesterCompatTests: every It whose name starts with "passes" must pass and every one
# that starts with "fails" must fail. Each operator's Describe has both, for the plain and the -Not form.

Describe 'Be' {
    It 'passes on equal values, ignoring case' {
        1 | Should -Be 1
        'Text' | Should -Be 'text'
        '1' | Should -Be 1
        $null | Should -Be $null
        @(1, 2) | Should -Be @(1, 2)
        Should -ActualValue 3 -Be 3
    }
    It 'passes -Not on different values' {
        1 | Should -Not -Be 2
        @(1, 2) | Should -Not -Be @(2, 1)
    }
    It 'fails on different numbers' { 1 | Should -Be 2 }
    It 'fails on different strings' { 'hello' | Should -Be 'help' }
    It 'fails with the reason given' { 1 | Should -Be 2 -Because 'one is not two' }
    It 'fails -Not on equal values' { 1 | Should -Not -Be 1 }
}

Describe 'BeExactly' {
    It 'passes on the same case' { 'Text' | Should -BeExactly 'Text' }
    It 'passes -Not on another case' { 'Text' | Should -Not -BeExactly 'text' }
    It 'fails on another case' { 'Text' | Should -BeExactly 'text' }
    It 'fails -Not on the same value' { 'Text' | Should -Not -BeExactly 'Text' }
}

Describe 'BeNullOrEmpty' {
    It 'passes on null, empty string and empty collection' {
        $null | Should -BeNullOrEmpty
        '' | Should -BeNullOrEmpty
        @() | Should -BeNullOrEmpty
        @{} | Should -BeNullOrEmpty
    }
    It 'passes -Not on a value' { 'x' | Should -Not -BeNullOrEmpty }
    It 'fails on a value' { 'x' | Should -BeNullOrEmpty }
    It 'fails -Not on null' { $null | Should -Not -BeNullOrEmpty }
}

Describe 'BeTrue' {
    It 'passes on truthy values' { $true, 1, 'x' | Should -BeTrue }
    It 'passes -Not on false' { $false | Should -Not -BeTrue }
    It 'fails on false' { $false | Should -BeTrue }
    It 'fails -Not on true' { $true | Should -Not -BeTrue }
}

Describe 'BeFalse' {
    It 'passes on falsy values' { $false, 0, '' | Should -BeFalse }
    It 'passes -Not on true' { $true | Should -Not -BeFalse }
    It 'fails on true' { $true | Should -BeFalse }
    It 'fails -Not on false' { $false | Should -Not -BeFalse }
}

Describe 'Throw' {
    It 'passes when the block throws' {
        { throw 'boom' } | Should -Throw
        { throw 'boom at 3' } | Should -Throw -ExpectedMessage 'boom*'
        { throw 'boom at 3' } | Should -Throw 'BOOM AT 3'
        { throw [System.ArgumentNullException]::new('name') } | Should -Throw -ExceptionType ([System.ArgumentException])
        $record = [System.Management.Automation.ErrorRecord]::new([System.Exception]::new('x'), 'SomeId', 'InvalidData', $null)
        { throw $record } | Should -Throw -ErrorId 'SomeId'
    }
    It 'passes -PassThru with the ErrorRecord' {
        $caught = { throw [System.InvalidOperationException]::new('state') } | Should -Throw -PassThru
        $caught | Should -BeOfType ([System.Management.Automation.ErrorRecord])
        $caught.Exception.Message | Should -Be 'state'
    }
    It 'passes -Not when nothing is thrown' { { 1 + 1 } | Should -Not -Throw }
    It 'fails when nothing is thrown' { { 1 + 1 } | Should -Throw }
    It 'fails on another message' { { throw 'boom' } | Should -Throw -ExpectedMessage 'bang' }
    It 'fails on another error id' {
        $record = [System.Management.Automation.ErrorRecord]::new([System.Exception]::new('x'), 'SomeId', 'InvalidData', $null)
        { throw $record } | Should -Throw -ErrorId 'OtherId'
    }
    It 'fails on another exception type' { { throw [System.InvalidOperationException]::new('state') } | Should -Throw -ExceptionType ([System.ArgumentException]) }
    It 'fails -Not when the block throws' { { throw 'boom' } | Should -Not -Throw }
}

Describe 'HaveCount' {
    It 'passes on the right count' {
        @(1, 2, 3) | Should -HaveCount 3
        @() | Should -HaveCount 0
        'one' | Should -HaveCount 1
    }
    It 'passes -Not on another count' { @(1, 2) | Should -Not -HaveCount 3 }
    It 'fails on another count' { @(1, 2) | Should -HaveCount 3 }
    It 'fails -Not on the same count' { @(1, 2) | Should -Not -HaveCount 2 }
}

Describe 'Contain' {
    It 'passes when the item is there' { @('a', 'b') | Should -Contain 'B' }
    It 'passes -Not when the item is missing' { @('a', 'b') | Should -Not -Contain 'c' }
    It 'fails when the item is missing' { @('a', 'b') | Should -Contain 'c' }
    It 'fails -Not when the item is there' { @('a', 'b') | Should -Not -Contain 'a' }
}

Describe 'Match' {
    It 'passes when the pattern matches, ignoring case' { 'Hello World' | Should -Match '^hello w' }
    It 'passes -Not when the pattern does not match' { 'Hello' | Should -Not -Match '^\d+$' }
    It 'fails when the pattern does not match' { 'Hello' | Should -Match '^\d+$' }
    It 'fails -Not when the pattern matches' { 'Hello' | Should -Not -Match 'ell' }
}

Describe 'BeOfType' {
    It 'passes on the type or a subtype' {
        'x' | Should -BeOfType ([string])
        [System.ArgumentNullException]::new() | Should -BeOfType ([System.ArgumentException])
        1 | Should -BeOfType 'System.Int32'
        1 | Should -HaveType [int]
    }
    It 'passes -Not on another type' { 'x' | Should -Not -BeOfType ([int]) }
    It 'fails on another type' { 1 | Should -BeOfType ([string]) }
    It 'fails -Not on the type' { 'x' | Should -Not -BeOfType ([string]) }
}

Describe 'BeGreaterThan' {
    It 'passes on a greater value' { 2 | Should -BeGreaterThan 1 }
    It 'passes -Not on an equal value' { 1 | Should -Not -BeGreaterThan 1 }
    It 'fails on an equal value' { 1 | Should -BeGreaterThan 1 }
    It 'fails -Not on a greater value' { 2 | Should -Not -BeGreaterThan 1 }
}

Describe 'BeLessThan' {
    It 'passes on a smaller value' { 1 | Should -BeLessThan 2 }
    It 'passes -Not on an equal value' { 2 | Should -Not -BeLessThan 2 }
    It 'fails on an equal value' { 2 | Should -BeLessThan 2 }
    It 'fails -Not on a smaller value' { 1 | Should -Not -BeLessThan 2 }
}

Describe 'Should input' {
    It 'passes each piped item to an item operator' { 1, 2, 3 | Should -BeLessThan 4 }
    It 'fails when one piped item fails an item operator' { 1, 5, 3 | Should -BeLessThan 4 }
    It 'fails on a usage error: no operator' { 1 | Should }
    It 'fails on a usage error: -Throw without a script block' { 'not a block' | Should -Throw }
}
