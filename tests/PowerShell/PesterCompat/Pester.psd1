@{
    # Named Pester so that test files and tooling that look for the module find this stand-in.
    RootModule        = 'Pester.psm1'
    ModuleVersion     = '5.0.0'
    GUID              = '3d4a0cba-6f0f-4f0c-9e0b-6a1f6b1d2c01'
    Description       = 'Pester 5 subset for the PowerShell engine hosted by the xunit tests, where Pester cannot be installed.'
    PowerShellVersion = '7.6'
    FunctionsToExport = @(
        'AfterAll', 'AfterEach', 'BeforeAll', 'BeforeDiscovery', 'BeforeEach', 'Context', 'Describe',
        'Invoke-PesterCompat', 'It', 'Should'
    )
    CmdletsToExport   = @()
    VariablesToExport = @()
    AliasesToExport   = @()
}
