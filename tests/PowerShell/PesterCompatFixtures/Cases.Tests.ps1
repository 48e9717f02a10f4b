# Fixture for PesterCompatTests: test cases, name templates, duplicates and skips.

Describe 'Test cases' {
    It 'adds <a> and <b>' -TestCases @(
        @{ a = 1; b = 2; sum = 3 }
        @{ a = 2; b = 2; sum = 4 }
    ) {
        $a + $b | Should -Be $sum
    }

    It 'binds the case to the param block: <name>' -ForEach @(@{ name = 'bound' }) {
        param($name)
        $name | Should -Be 'bound'
    }

    It 'sees a plain case as $_: <_>' -ForEach @('x', 'y') {
        $_ | Should -Match '^[xy]$'
    }

    It 'has the same name twice' { 1 | Should -Be 1 }
    It 'has the same name twice' { 1 | Should -Be 2 }

    It 'is skipped' -Skip {
        $global:CompatSkippedRan = $true
    }
}

Describe 'Skipped block' -Skip {
    BeforeAll { $global:CompatSkippedRan = $true }

    It 'is skipped with its block' {
        $global:CompatSkippedRan = $true
    }
}
