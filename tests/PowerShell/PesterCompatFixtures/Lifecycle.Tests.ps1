# Fixture for PesterCompatTests: logs each step to $global:CompatLog, which the xunit test reads
# back to check the order; the Its check what each scope sees.

$global:CompatLog = [System.Collections.Generic.List[string]]::new()
$global:CompatLog.Add('discover file')

BeforeAll {
    $global:CompatLog.Add('BeforeAll file')
    $fromFile = 'file'
    function Get-Greeting { 'hello' }
}

Describe 'Outer' {
    $global:CompatLog.Add('discover Outer')
    $fromDiscovery = 'discovery'

    BeforeAll {
        $global:CompatLog.Add('BeforeAll Outer')
        $fromOuter = 'outer'
    }
    AfterAll { $global:CompatLog.Add('AfterAll Outer') }
    BeforeEach {
        $global:CompatLog.Add('BeforeEach Outer')
        $fromEach = 'each'
    }
    AfterEach { $global:CompatLog.Add("AfterEach Outer after $current") }

    It 'first' {
        $current = 'first'
        $global:CompatLog.Add('It first')
        $fromFile | Should -Be 'file'
        $fromOuter | Should -Be 'outer'
        $fromEach | Should -Be 'each'
        Get-Greeting | Should -Be 'hello'
        $fromDiscovery | Should -BeNullOrEmpty -Because 'what discovery defines is gone at run time'
        $fromFirst = 'first'
    }

    It 'second' {
        $current = 'second'
        $global:CompatLog.Add('It second')
        $fromFirst | Should -BeNullOrEmpty -Because 'one It does not see what another defined'
        $fromOuter = 'changed by second'
    }

    Context 'Inner' {
        $global:CompatLog.Add('discover Inner')

        BeforeAll {
            $global:CompatLog.Add('BeforeAll Inner')
            $fromInner = 'inner'
            $fromOuter | Should -Be 'outer' -Because 'an It does not change what its block set up'
            $fromOuter = 'shadowed by Inner'
        }
        AfterAll { $global:CompatLog.Add('AfterAll Inner') }
        BeforeEach { $global:CompatLog.Add('BeforeEach Inner') }
        AfterEach { $global:CompatLog.Add('AfterEach Inner') }

        It 'nested' {
            $current = 'nested'
            $global:CompatLog.Add('It nested')
            $fromInner | Should -Be 'inner'
            $fromOuter | Should -Be 'shadowed by Inner'
            $fromEach | Should -Be 'each'
        }
    }

    It 'after Inner' {
        $current = 'after Inner'
        $global:CompatLog.Add('It after Inner')
        $fromInner | Should -BeNullOrEmpty
        $fromOuter | Should -Be 'outer'
    }

    It 'sees the folder of the test file as $PSScriptRoot' {
        $current = 'PSScriptRoot'
        [System.IO.Path]::GetFileName($PSScriptRoot) | Should -Be 'PesterCompatFixtures'
        [System.IO.Path]::GetFileName($PSCommandPath) | Should -Be 'Lifecycle.Tests.ps1'
    }
}
