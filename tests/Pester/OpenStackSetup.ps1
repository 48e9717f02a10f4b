# Dot-sourced (after TestSetup.ps1) by the tests of the OpenStack cmdlets: makes sure the real Keystone and Swift
# of ../shared/scripts run on loopback, as the xunit integration fixture does, and gives the demo user's
# credentials plus helpers for a throwaway container. The helpers talk to Swift directly, not through the cmdlets
# under test. When the servers cannot be reached and started, every test fails: there is nothing to skip to.

. $PSScriptRoot/TestServers.ps1

$OpenStackAuthUrl = 'http://127.0.0.1:5000/v3'
$OpenStackUser = 'demo'
$OpenStackPassword = 'demopass'
$OpenStackProject = 'demo'

function Test-OpenStackEndpoint([string] $url) {
    $http = [System.Net.Http.HttpClient]::new()
    $http.Timeout = [timespan]::FromSeconds(10)
    try { return $http.GetAsync($url).GetAwaiter().GetResult().IsSuccessStatusCode }
    catch { return $false }
    finally { $http.Dispose() }
}

function Invoke-OpenStackScript([string] $script, [string] $verb, [hashtable] $environment = @{}) {
    Invoke-TestServerScript $script @($verb) $environment 15
}

$gate = Enter-TestServerGate servers
try {
    if (-not ((Test-OpenStackEndpoint $OpenStackAuthUrl) -and (Test-OpenStackEndpoint 'http://127.0.0.1:8080/info'))) {
        $keystoneWasUp = Test-OpenStackEndpoint $OpenStackAuthUrl
        Invoke-OpenStackScript keystone-aio.sh start
        if (-not $keystoneWasUp) { Add-StartedTestServer servers keystone-aio.sh }
        Invoke-OpenStackScript swift-aio.sh start @{ SWIFT_AIO_AUTH = 'keystone' }
        Add-StartedTestServer servers swift-aio.sh
        Invoke-OpenStackScript keystone-aio.sh register-swift
        if (-not (Test-OpenStackEndpoint $OpenStackAuthUrl)) {
            $ciNote = if ($env:CI -eq 'true') { ' (CI=true: these tests never skip)' } else { '' }
            throw "Keystone at $OpenStackAuthUrl cannot be reached after starting it$ciNote"
        }
    }
}
finally { $gate.Dispose() }

function New-DemoCredential {
    [pscredential]::new($OpenStackUser, [System.Net.NetworkCredential]::new('', $OpenStackPassword).SecurePassword)
}

function Connect-DemoProject {
    Connect-OpenStack -AuthUrl $OpenStackAuthUrl -Credential (New-DemoCredential) -ProjectName $OpenStackProject
}

# A project-scoped token of the demo user, for the helpers' direct Swift calls.
function Get-DemoToken {
    $body = '{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"' + $OpenStackUser + '","domain":{"id":"default"},"password":"' + $OpenStackPassword + '"}}},"scope":{"project":{"name":"' + $OpenStackProject + '","domain":{"id":"default"}}}}}'
    $http = [System.Net.Http.HttpClient]::new()
    try {
        $response = $http.PostAsync("$OpenStackAuthUrl/auth/tokens", [System.Net.Http.StringContent]::new($body, [System.Text.Encoding]::UTF8, 'application/json')).GetAwaiter().GetResult()
        $null = $response.EnsureSuccessStatusCode()
        return @($response.Headers.GetValues('X-Subject-Token'))[0]
    }
    finally { $http.Dispose() }
}

function Invoke-Swift([string] $method, [string] $url) {
    $http = [System.Net.Http.HttpClient]::new()
    try {
        $request = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::new($method), $url)
        $request.Headers.Add('X-Auth-Token', (Get-DemoToken))
        return [int] $http.SendAsync($request).GetAwaiter().GetResult().StatusCode
    }
    finally { $http.Dispose() }
}

# Creates an empty container with a unique name in the session's account and returns the name.
function New-TestContainer($session) {
    $name = 'pester-' + [guid]::NewGuid().ToString('N').Substring(0, 12)
    $status = Invoke-Swift PUT ($session.AccountUrl.AbsoluteUri + $name)
    if ($status -notin 201, 202) { throw "creating container $name answered $status" }
    return $name
}

function Remove-TestContainer($session, [string] $name) {
    Get-SwiftObject -Session $session -Container $name -ErrorAction SilentlyContinue | Remove-SwiftObject -Session $session -Confirm:$false
    $null = Invoke-Swift DELETE ($session.AccountUrl.AbsoluteUri + $name)
}

function New-TestFolder {
    $folder = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'pester-swift-' + [guid]::NewGuid().ToString('N'))
    $null = [System.IO.Directory]::CreateDirectory($folder)
    return $folder
}

function New-RandomFile([string] $path, [int] $length) {
    $bytes = [byte[]]::new($length)
    [System.Random]::Shared.NextBytes($bytes)
    [System.IO.File]::WriteAllBytes($path, $bytes)
    return $path
}

# One response header of a HEAD on a URL of the demo account; $null when absent.
function Get-SwiftHeader([string] $url, [string] $header) {
    $http = [System.Net.Http.HttpClient]::new()
    try {
        $request = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::Head, $url)
        $request.Headers.Add('X-Auth-Token', (Get-DemoToken))
        $response = $http.SendAsync($request).GetAwaiter().GetResult()
        $values = $null
        if ($response.Headers.TryGetValues($header, [ref] $values)) { return @($values)[0] }
        return $null
    }
    finally { $http.Dispose() }
}

# A new application credential of the demo user, made through Keystone's API: Id and Secret.
function New-DemoApplicationCredential {
    $http = [System.Net.Http.HttpClient]::new()
    try {
        $token = Get-DemoToken
        $request = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::Get, "$OpenStackAuthUrl/auth/tokens")
        $request.Headers.Add('X-Auth-Token', $token)
        $request.Headers.Add('X-Subject-Token', $token)
        $about = [System.Text.Json.JsonDocument]::Parse($http.SendAsync($request).GetAwaiter().GetResult().Content.ReadAsStringAsync().GetAwaiter().GetResult())
        $userId = $about.RootElement.GetProperty('token').GetProperty('user').GetProperty('id').GetString()
        $body = '{"application_credential":{"name":"pester-' + [guid]::NewGuid().ToString('N') + '"}}'
        $create = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::Post, "$OpenStackAuthUrl/users/$userId/application_credentials")
        $create.Headers.Add('X-Auth-Token', $token)
        $create.Content = [System.Net.Http.StringContent]::new($body, [System.Text.Encoding]::UTF8, 'application/json')
        $response = $http.SendAsync($create).GetAwaiter().GetResult()
        $null = $response.EnsureSuccessStatusCode()
        $made = [System.Text.Json.JsonDocument]::Parse($response.Content.ReadAsStringAsync().GetAwaiter().GetResult()).RootElement.GetProperty('application_credential')
        return @{ Id = $made.GetProperty('id').GetString(); Secret = $made.GetProperty('secret').GetString() }
    }
    finally { $http.Dispose() }
}
