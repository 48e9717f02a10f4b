# Fixture for PesterCompatTests: how failures are reported, and what a failing setup or teardown
# fails. Steps that must or must not run log to $global:CompatLog.

$global:CompatLog = [System.Collections.Generic.List[string]]::new()

Describe 'Failing Its' {
    It 'reports the Should message and line' {
        $value = 1
        $value | Should -Be 2
    }

    It 'reports a thrown exception' {
        throw [System.InvalidOperationException]::new('broken state')
    }

    It 'passes beside failing Its' {
        $true | Should -BeTrue
    }
}

Describe 'BeforeAll failure' {
    BeforeAll { throw 'setup broke' }
    AfterAll { $global:CompatLog.Add('AfterAll after failed BeforeAll') }

    It 'fails the first It' { $global:CompatLog.Add('It body after failed BeforeAll') }
    It 'fails the second It' { }

    Context 'Nested' {
        It 'fails a nested It' { }
    }
}

Describe 'BeforeAll failure in a Context' {
    Context 'Broken' {
        BeforeAll { throw 'context setup broke' }
        It 'fails' { }
    }

    It 'does not fail a sibling of the Context' { }
}

Describe 'BeforeEach failure' {
    BeforeEach { throw 'each broke' }
    AfterEach { $global:CompatLog.Add('AfterEach after failed BeforeEach') }

    It 'fails without running the body' { $global:CompatLog.Add('It body after failed BeforeEach') }
}

Describe 'AfterEach failure' {
    AfterEach { throw 'cleanup broke' }

    It 'fails although its body passed' { }
}

Describe 'AfterAll failure' {
    AfterAll { throw 'teardown broke' }

    It 'fails the Its of the block' { }
}
