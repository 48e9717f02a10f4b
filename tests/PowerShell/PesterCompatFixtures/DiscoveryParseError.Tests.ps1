# Fixture for PesterCompatTests: the file does not parse.

Describe 'Unclosed' {
    It 'is never discovered' {
