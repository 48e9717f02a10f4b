# Dot-sourced (after TestSetup.ps1) by the tests of Copy-ContainerImage: makes sure the two open registries of
# ../shared/scripts/registry-aio.sh run on loopback (as the xunit registry fixture does, sharing its lease files),
# and pushes the script's sample image. Helpers read manifests over the registry API directly, not through the
# cmdlet under test. When the registries cannot be started, every test fails: there is nothing to skip to.

$RegistryOne = '127.0.0.1:5101'
$RegistryTwo = '127.0.0.1:5102'
$RegistryScript = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..', '..', '..', 'shared', 'scripts', 'registry-aio.sh'))

function Invoke-RegistryScript([string[]] $arguments) {
    # Through the descriptor-closing wrapper: a registry must not inherit the lock files this process holds.
    $closingFds = [System.IO.Path]::Combine($PSScriptRoot, '..', 'Servers', 'run-closing-fds.sh')
    $info = [System.Diagnostics.ProcessStartInfo]::new('bash', [string[]] (@($closingFds, 'bash', $RegistryScript) + $arguments))
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $process = [System.Diagnostics.Process]::Start($info)
    $errors = $process.StandardError.ReadToEndAsync()
    $output = $process.StandardOutput.ReadToEnd()
    if (-not $process.WaitForExit(600000)) { throw "registry-aio.sh $arguments did not finish within 10 minutes" }
    if ($process.ExitCode -ne 0) { throw "registry-aio.sh $arguments exited with $($process.ExitCode): $output $($errors.Result)" }
}

# The manifest a registry serves for docker://<registry>/<repository>:<reference>: its digest, or $null when absent.
function Get-ManifestDigest([string] $registry, [string] $repository, [string] $reference) {
    $http = [System.Net.Http.HttpClient]::new()
    try {
        $request = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::Get, "http://$registry/v2/$repository/manifests/$reference")
        foreach ($type in 'application/vnd.oci.image.index.v1+json', 'application/vnd.oci.image.manifest.v1+json',
            'application/vnd.docker.distribution.manifest.list.v2+json', 'application/vnd.docker.distribution.manifest.v2+json') {
            $request.Headers.Accept.Add([System.Net.Http.Headers.MediaTypeWithQualityHeaderValue]::new($type))
        }
        $response = $http.SendAsync($request).GetAwaiter().GetResult()
        if ($response.StatusCode -eq [System.Net.HttpStatusCode]::NotFound) { return $null }
        $null = $response.EnsureSuccessStatusCode()
        $bytes = $response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult()
        return 'sha256:' + [System.Convert]::ToHexStringLower([System.Security.Cryptography.SHA256]::HashData($bytes))
    }
    finally { $http.Dispose() }
}

# The lease protocol of tests/Unit/OpenStack/Integration/TestServerLease.cs, on the registries' own files.
function Lock-RegistryServerFile([string] $name, [System.IO.FileShare] $share, [System.IO.FileAccess] $access) {
    $path = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), "veleroopenshift-test-registries.$name")
    $deadline = [DateTime]::UtcNow.AddMinutes(30)
    while ($true) {
        try { return [System.IO.FileStream]::new($path, [System.IO.FileMode]::OpenOrCreate, $access, $share) }
        catch [System.IO.IOException] {
            if ([DateTime]::UtcNow -gt $deadline) { throw }
            [System.Threading.Thread]::Sleep(500)
        }
    }
}

$gate = Lock-RegistryServerFile gate ([System.IO.FileShare]::None) ([System.IO.FileAccess]::ReadWrite)
try {
    if ($null -eq $global:VeleroOpenShiftTestRegistryLease) {
        $global:VeleroOpenShiftTestRegistryLease = Lock-RegistryServerFile lease ([System.IO.FileShare]::ReadWrite) ([System.IO.FileAccess]::Read)
    }
    $wasUp = $true
    try { $null = Get-ManifestDigest $RegistryOne 'probe/none' 'none'; $null = Get-ManifestDigest $RegistryTwo 'probe/none' 'none' }
    catch { $wasUp = $false }
    Invoke-RegistryScript start
    if (-not $wasUp) {
        [System.IO.File]::AppendAllLines([System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'veleroopenshift-test-registries.started'), [string[]] @('registry-aio.sh'))
    }
    Invoke-RegistryScript seed, 5101
}
finally { $gate.Dispose() }
