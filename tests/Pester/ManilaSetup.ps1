# Dot-sourced (after TestSetup.ps1 and OpenStackSetup.ps1) by the tests of the Manila cmdlets: makes sure the real
# Manila of tests/Servers/block-storage-aio.sh runs on loopback with Keystone auth and is in the catalog, as the xunit fixture does,
# and gives helpers that make and check shares through Manila's API directly, not through the cmdlets under test.
# Manila there keeps its data in memory, so the share type shares need is created when missing.

$ManilaUrl = 'http://127.0.0.1:8786'

function Test-ManilaRunning {
    $http = [System.Net.Http.HttpClient]::new()
    $http.Timeout = [timespan]::FromSeconds(10)
    try { $null = $http.GetAsync("$ManilaUrl/").GetAwaiter().GetResult(); return $true }
    catch { return $false }
    finally { $http.Dispose() }
}

# Token and project id of a Default-domain user, for the helpers' direct calls.
function Get-ProjectToken([string] $user, [string] $password, [string] $project) {
    $body = '{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"' + $user + '","domain":{"id":"default"},"password":"' + $password + '"}}},"scope":{"project":{"name":"' + $project + '","domain":{"id":"default"}}}}}'
    $http = [System.Net.Http.HttpClient]::new()
    try {
        $response = $http.PostAsync("$OpenStackAuthUrl/auth/tokens", [System.Net.Http.StringContent]::new($body, [System.Text.Encoding]::UTF8, 'application/json')).GetAwaiter().GetResult()
        $null = $response.EnsureSuccessStatusCode()
        $token = [System.Text.Json.JsonDocument]::Parse($response.Content.ReadAsStringAsync().GetAwaiter().GetResult()).RootElement.GetProperty('token')
        $types = @(foreach ($service in $token.GetProperty('catalog').EnumerateArray()) { $service.GetProperty('type').GetString() })
        return @{ Token = @($response.Headers.GetValues('X-Subject-Token'))[0]; ProjectId = $token.GetProperty('project').GetProperty('id').GetString(); Catalog = $types }
    }
    finally { $http.Dispose() }
}

# One Manila API call as $auth (Get-ProjectToken); returns the status code and the parsed body (or $null).
function Invoke-Manila($auth, [string] $method, [string] $path, [string] $body = $null) {
    $http = [System.Net.Http.HttpClient]::new()
    try {
        $request = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::new($method), "$ManilaUrl/v2/$($auth.ProjectId)/$path")
        $request.Headers.Add('X-Auth-Token', $auth.Token)
        $request.Headers.Add('X-OpenStack-Manila-API-Version', '2.45')
        if ($body) { $request.Content = [System.Net.Http.StringContent]::new($body, [System.Text.Encoding]::UTF8, 'application/json') }
        $response = $http.SendAsync($request).GetAwaiter().GetResult()
        $text = $response.Content.ReadAsStringAsync().GetAwaiter().GetResult()
        $json = if ($text) { [System.Text.Json.JsonDocument]::Parse($text).RootElement } else { $null }
        return @{ Status = [int] $response.StatusCode; Json = $json }
    }
    finally { $http.Dispose() }
}

$gate = Enter-TestServerGate servers
try {
    if (-not (Test-ManilaRunning)) {
        Invoke-OpenStackScript block-storage-aio.sh start
        Add-StartedTestServer servers block-storage-aio.sh
    }
    $admin = Get-ProjectToken admin admin admin
    if ($admin.Catalog -notcontains 'sharev2') { Invoke-OpenStackScript block-storage-aio.sh register }
    $types = (Invoke-Manila $admin GET types).Json.GetProperty('share_types')
    if (-not @($types.EnumerateArray() | Where-Object { $_.GetProperty('name').GetString() -eq 'default' })) {
        $type = '{"share_type":{"name":"default","extra_specs":{"driver_handles_share_servers":false,"snapshot_support":true,"create_share_from_snapshot_support":true}}}'
        # Another test process may create it at the same moment: 409 is fine.
        $typeAnswer = Invoke-Manila $admin POST types $type
        if ($typeAnswer.Status -notin 200, 409) { throw "creating the Manila share type answered $($typeAnswer.Status)" }
    }
}
finally { $gate.Dispose() }

$DemoManila = Get-ProjectToken $OpenStackUser $OpenStackPassword $OpenStackProject

# Waits until GET $path answers with $status in $kind, or 404 when $status is empty; fails on an error status.
function Wait-ManilaResource([string] $path, [string] $kind, [string] $status) {
    $deadline = [DateTime]::UtcNow.AddMinutes(2)
    while ($true) {
        $answer = Invoke-Manila $DemoManila GET $path
        $current = if ($answer.Status -eq 404) { '' } else { $answer.Json.GetProperty($kind).GetProperty('status').GetString() }
        if ($current -eq $status) { return }
        if ($current.Contains('error') -or [DateTime]::UtcNow -gt $deadline) {
            $wanted = if ($status) { $status } else { 'gone' }
            throw "$path is $current, expected $wanted"
        }
        [System.Threading.Thread]::Sleep(300)
    }
}

# An available 1 GiB NFS share of the demo project; returns its id.
function New-TestShare([string] $name) {
    $made = Invoke-Manila $DemoManila POST shares ('{"share":{"share_proto":"NFS","size":1,"name":"' + $name + '"}}')
    if ($made.Status -ne 200) { throw "creating share $name answered $($made.Status)" }
    $id = $made.Json.GetProperty('share').GetProperty('id').GetString()
    Wait-ManilaResource "shares/$id" share available
    return $id
}

# An available snapshot of the share, made directly; returns its id.
function New-TestSnapshot([string] $shareId) {
    $made = Invoke-Manila $DemoManila POST snapshots ('{"snapshot":{"share_id":"' + $shareId + '","name":"pester-snapshot"}}')
    if ($made.Status -ne 202) { throw "creating a snapshot of $shareId answered $($made.Status)" }
    $id = $made.Json.GetProperty('snapshot').GetProperty('id').GetString()
    Wait-ManilaResource "snapshots/$id" snapshot available
    return $id
}

function Get-TestSnapshotStatus([string] $snapshotId) {
    $answer = Invoke-Manila $DemoManila GET "snapshots/$snapshotId"
    if ($answer.Status -eq 404) { return $null }
    return $answer.Json.GetProperty('snapshot').GetProperty('status').GetString()
}

# Deletes the shares with their snapshots, ignoring what is gone already.
function Remove-TestShare([string[]] $shareIds) {
    foreach ($shareId in $shareIds) {
        if (-not $shareId) { continue }
        $snapshots = (Invoke-Manila $DemoManila GET "snapshots/detail?share_id=$shareId").Json.GetProperty('snapshots')
        foreach ($snapshot in @($snapshots.EnumerateArray())) {
            $id = $snapshot.GetProperty('id').GetString()
            $null = Invoke-Manila $DemoManila DELETE "snapshots/$id"
            Wait-ManilaResource "snapshots/$id" snapshot $null
        }
        $null = Invoke-Manila $DemoManila DELETE "shares/$shareId"
    }
}
