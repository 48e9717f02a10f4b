# Dot-sourced by the setup scripts of tests that need loopback servers (OpenStackSetup.ps1, RegistrySetup.ps1).
# Servers are shared with the other test processes of a run by the protocol of
# tests/Unit/OpenStack/Integration/TestServerLease.cs, per group ("servers": Keystone, Swift, Cinder, Manila;
# "registries"): starts happen under the group's exclusive gate, every user holds a shared lease until its process
# ends (flock: the lease goes with the process), and what a process started is listed so the last user stops it.

function Get-TestServerFile([string] $group, [string] $name) {
    [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), "veleroopenshift-test-$group.$name")
}

function Lock-TestServerFile([string] $group, [string] $name, [System.IO.FileShare] $share, [System.IO.FileAccess] $access) {
    $path = Get-TestServerFile $group $name
    $deadline = [DateTime]::UtcNow.AddMinutes(30)
    while ($true) {
        try { return [System.IO.FileStream]::new($path, [System.IO.FileMode]::OpenOrCreate, $access, $share) }
        catch [System.IO.IOException] {
            if ([DateTime]::UtcNow -gt $deadline) { throw }
            [System.Threading.Thread]::Sleep(500)
        }
    }
}

# Takes the group's gate (the caller disposes it once its servers run) and, once per process, the group's lease.
function Enter-TestServerGate([string] $group) {
    $gate = Lock-TestServerFile $group gate ([System.IO.FileShare]::None) ([System.IO.FileAccess]::ReadWrite)
    if ($null -eq $global:VeleroOpenShiftTestServerLeases) { $global:VeleroOpenShiftTestServerLeases = @{} }
    if (-not $global:VeleroOpenShiftTestServerLeases.ContainsKey($group)) {
        $global:VeleroOpenShiftTestServerLeases[$group] = Lock-TestServerFile $group lease ([System.IO.FileShare]::ReadWrite) ([System.IO.FileAccess]::Read)
    }
    return $gate
}

# Lists a server script this process started, for the group's last user to stop.
function Add-StartedTestServer([string] $group, [string] $script) {
    [System.IO.File]::AppendAllLines((Get-TestServerFile $group started), [string[]] @($script))
}

# Runs a server script (tests/Servers, else ../shared/scripts) through the descriptor-closing wrapper: a server must
# not inherit the lock files this process holds.
function Invoke-TestServerScript([string] $script, [string[]] $arguments, [hashtable] $environment = @{}, [int] $minutes = 15) {
    $path = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..', 'Servers', $script))
    if (-not [System.IO.File]::Exists($path)) {
        $path = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..', '..', '..', 'shared', 'scripts', $script))
    }
    $closingFds = [System.IO.Path]::Combine($PSScriptRoot, '..', 'Servers', 'run-closing-fds.sh')
    $info = [System.Diagnostics.ProcessStartInfo]::new('bash', [string[]] (@($closingFds, 'bash', $path) + $arguments))
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    foreach ($name in $environment.Keys) { $info.Environment[$name] = $environment[$name] }
    $process = [System.Diagnostics.Process]::Start($info)
    $errors = $process.StandardError.ReadToEndAsync()
    $output = $process.StandardOutput.ReadToEnd()
    if (-not $process.WaitForExit($minutes * 60000)) { throw "$script $arguments did not finish within $minutes minutes" }
    if ($process.ExitCode -ne 0) { throw "$script $arguments exited with $($process.ExitCode): $output $($errors.Result)" }
}
