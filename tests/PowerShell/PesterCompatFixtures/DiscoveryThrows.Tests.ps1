# Fixture for PesterCompatTests: discovery fails, so no It can be listed.

Describe 'Broken discovery' {
    throw 'discovery broke'

    It 'is never discovered' { }
}
