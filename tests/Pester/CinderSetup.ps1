# Dot-sourced (after OpenStackSetup.ps1) by the tests of the Cinder cmdlets: makes sure the real Cinder of
# tests/Servers/block-storage-aio.sh runs on loopback against the same Keystone and is in its catalog, as the xunit integration
# fixture does, and gives helpers that make and inspect volumes through Cinder's API directly, not through the
# cmdlets under test.

$CinderUrl = 'http://127.0.0.1:8776'

function Test-CinderInCatalog {
    $body = '{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"' + $OpenStackUser + '","domain":{"id":"default"},"password":"' + $OpenStackPassword + '"}}},"scope":{"project":{"name":"' + $OpenStackProject + '","domain":{"id":"default"}}}}}'
    $http = [System.Net.Http.HttpClient]::new()
    try {
        $response = $http.PostAsync("$OpenStackAuthUrl/auth/tokens", [System.Net.Http.StringContent]::new($body, [System.Text.Encoding]::UTF8, 'application/json')).GetAwaiter().GetResult()
        $catalog = [System.Text.Json.JsonDocument]::Parse($response.Content.ReadAsStringAsync().GetAwaiter().GetResult()).RootElement.GetProperty('token').GetProperty('catalog')
        return @($catalog.EnumerateArray() | Where-Object { $_.GetProperty('type').GetString() -eq 'volumev3' }).Count -gt 0
    }
    finally { $http.Dispose() }
}

$cinderGate = Enter-TestServerGate servers
try {
    $http = [System.Net.Http.HttpClient]::new()
    $cinderUp = try { [int] $http.GetAsync("$CinderUrl/").GetAwaiter().GetResult().StatusCode -in 200, 300 } catch { $false } finally { $http.Dispose() }
    if (-not $cinderUp) {
        Invoke-OpenStackScript block-storage-aio.sh start
        Add-StartedTestServer servers block-storage-aio.sh
    }
    # Registering goes through the slow openstack CLI: only when the demo user's catalog lacks Cinder.
    if (-not (Test-CinderInCatalog)) { Invoke-OpenStackScript block-storage-aio.sh register }
}
finally { $cinderGate.Dispose() }

# Sends one request to the demo project's Cinder; returns the status code and the parsed body (or $null).
function Invoke-Cinder([string] $method, [string] $path, [string] $body = $null) {
    $token = Get-DemoToken
    $http = [System.Net.Http.HttpClient]::new()
    try {
        $about = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::Get, "$OpenStackAuthUrl/auth/tokens")
        $about.Headers.Add('X-Auth-Token', $token)
        $about.Headers.Add('X-Subject-Token', $token)
        $tokenBody = $http.SendAsync($about).GetAwaiter().GetResult().Content.ReadAsStringAsync().GetAwaiter().GetResult()
        $project = [System.Text.Json.JsonDocument]::Parse($tokenBody).RootElement.GetProperty('token').GetProperty('project').GetProperty('id').GetString()
        $request = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::new($method), "$CinderUrl/v3/$project$path")
        $request.Headers.Add('X-Auth-Token', $token)
        if ($body) { $request.Content = [System.Net.Http.StringContent]::new($body, [System.Text.Encoding]::UTF8, 'application/json') }
        $response = $http.SendAsync($request).GetAwaiter().GetResult()
        $text = $response.Content.ReadAsStringAsync().GetAwaiter().GetResult()
        $json = if ($text) { [System.Text.Json.JsonDocument]::Parse($text).RootElement } else { $null }
        return @{ Status = [int] $response.StatusCode; Json = $json }
    }
    finally { $http.Dispose() }
}

# The status of a volume or snapshot ('volumes', 'snapshots'); 'deleted' when Cinder answers 404.
function Get-CinderStatus([string] $collection, [string] $id) {
    $answer = Invoke-Cinder GET "/$collection/$id"
    if ($answer.Status -eq 404) { return 'deleted' }
    return $answer.Json.GetProperty($collection.TrimEnd('s')).GetProperty('status').GetString()
}

# Polls until the resource has the status; the limit only guards against a hang.
function Wait-CinderStatus([string] $collection, [string] $id, [string] $status) {
    $deadline = [DateTime]::UtcNow.AddMinutes(1)
    while ((Get-CinderStatus $collection $id) -ne $status) {
        if ([DateTime]::UtcNow -gt $deadline) { throw "$collection/$id did not become $status" }
        [System.Threading.Thread]::Sleep(250)
    }
}

# A 1 GiB volume with metadata app=db, available; returns its id.
function New-TestVolume {
    $answer = Invoke-Cinder POST '/volumes' ('{"volume":{"size":1,"name":"pester-' + [guid]::NewGuid().ToString('N').Substring(0, 8) + '","metadata":{"app":"db"}}}')
    if ($answer.Status -ne 202) { throw "creating a volume answered $($answer.Status)" }
    $id = $answer.Json.GetProperty('volume').GetProperty('id').GetString()
    Wait-CinderStatus volumes $id available
    return $id
}

# Deletes volumes or snapshots a test left; a missing one is fine.
function Remove-TestResource([string] $collection, [string[]] $ids) {
    foreach ($id in $ids) {
        if ($id) { $null = Invoke-Cinder DELETE "/$collection/$id" }
    }
}

# The file behind a volume of the test Cinder (tests/Servers/file_volume_driver.py): what an application on the volume
# would have written, at 1 MiB, so a test can follow it through a backup or an image.
function Get-TestVolumeFile([string] $id) {
    $root = if ($env:OPENSTACK_AIO_DIR) { $env:OPENSTACK_AIO_DIR } else { '/tmp/openstack-volume-aio' }
    return [System.IO.Path]::Combine($root, 'cinder', 'state', 'file-volumes', "volume-$id")
}

function Write-TestVolumeData([string] $id, [byte[]] $data) {
    $file = [System.IO.File]::OpenWrite((Get-TestVolumeFile $id))
    try { $file.Position = 1MB; $file.Write($data, 0, $data.Length) } finally { $file.Dispose() }
}

function Read-TestVolumeData([string] $id, [int] $length) {
    $file = [System.IO.File]::OpenRead((Get-TestVolumeFile $id))
    try { $file.Position = 1MB; $data = [byte[]]::new($length); $file.ReadExactly($data); return ,$data } finally { $file.Dispose() }
}
