# Fixture for PesterCompatTests: a file that declares no It.

Describe 'Nothing' {
}
