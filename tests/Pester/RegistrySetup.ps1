# Dot-sourced (after TestSetup.ps1) by the tests of Copy-ContainerImage: makes sure the two open registries of
# ../shared/scripts/registry-aio.sh run on loopback (as the xunit registry fixture does, sharing its lease files),
# and pushes the script's sample image. Helpers read manifests over the registry API directly, not through the
# cmdlet under test. When the registries cannot be started, every test fails: there is nothing to skip to.

. $PSScriptRoot/TestServers.ps1

$RegistryOne = '127.0.0.1:5101'
$RegistryTwo = '127.0.0.1:5102'

function Invoke-RegistryScript([string[]] $arguments) {
    Invoke-TestServerScript registry-aio.sh $arguments @{} 10
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

$gate = Enter-TestServerGate registries
try {
    $wasUp = $true
    try { $null = Get-ManifestDigest $RegistryOne 'probe/none' 'none'; $null = Get-ManifestDigest $RegistryTwo 'probe/none' 'none' }
    catch { $wasUp = $false }
    Invoke-RegistryScript start
    if (-not $wasUp) {
        Add-StartedTestServer registries registry-aio.sh
    }
    Invoke-RegistryScript seed, 5101
}
finally { $gate.Dispose() }
