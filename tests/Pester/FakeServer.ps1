# Starts and stops the loopback fake servers (tests/MailStoreAdmin.FakeServers) as a child process.
# Used by the Pester suite and by build.ps1 -Task Demo. Works in Windows PowerShell 5.1 and PowerShell 7.

function Start-FakeMailStore {
    param(
        [string] $Configuration = 'Release',
        [string[]] $Arguments = @(),
        [string] $UserName = 'admin',
        [string] $Password = 'Passw0rd!'
    )
    $dll = Join-Path $PSScriptRoot "../MailStoreAdmin.FakeServers/bin/$Configuration/net10.0/MailStoreAdmin.FakeServers.dll"
    if (-not (Test-Path $dll)) { throw "The fake server is not built ($dll). Run ./build.ps1 first." }

    $start = New-Object System.Diagnostics.ProcessStartInfo
    $start.FileName = 'dotnet'
    $quoted = @("`"$((Resolve-Path $dll).Path)`"", '--watch-stdin', '--user', $UserName, '--password', $Password) + $Arguments
    $start.Arguments = $quoted -join ' '
    $start.UseShellExecute = $false
    $start.RedirectStandardInput = $true
    $start.RedirectStandardOutput = $true
    $process = [System.Diagnostics.Process]::Start($start)

    $values = @{}
    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    while ([DateTime]::UtcNow -lt $deadline) {
        $line = $process.StandardOutput.ReadLine()
        if ($null -eq $line) { throw 'The fake server exited before it was ready.' }
        if ($line -eq 'READY') { break }
        $key, $value = $line -split '=', 2
        $values[$key] = $value
    }
    if (-not $values['MAILSTORE_URI']) { $process.Kill(); throw 'The fake server did not report its address.' }

    [pscustomobject]@{
        Process    = $process
        Uri        = $values['MAILSTORE_URI']
        Thumbprint = $values['MAILSTORE_THUMBPRINT']
        DbMailUri  = $values['DBMAIL_URI']
        DbMailThumbprint = $values['DBMAIL_THUMBPRINT']
        UserName   = $UserName
        Password   = $Password
    }
}

function Stop-FakeServer {
    param($Fake)
    if (-not $Fake) { return }
    try { $Fake.Process.StandardInput.Close() } catch { }
    if (-not $Fake.Process.WaitForExit(5000)) { $Fake.Process.Kill() }
}

# What the fake has received so far (form fields, never credentials), for asserting on the wire.
function Get-FakeCall {
    param($Fake, [string] $Function)
    $handler = New-Object System.Net.Http.HttpClientHandler
    $handler.ServerCertificateCustomValidationCallback = [System.Net.Http.HttpClientHandler]::DangerousAcceptAnyServerCertificateValidator
    $client = New-Object System.Net.Http.HttpClient($handler)
    try {
        $json = $client.GetStringAsync($Fake.Uri + '_fake/calls').GetAwaiter().GetResult()
        $calls = $json | ConvertFrom-Json
        if ($Function) { $calls = @($calls | Where-Object { $_.Function -eq $Function }) }
        $calls
    }
    finally { $client.Dispose() }
}

function Reset-FakeCall {
    param($Fake)
    $handler = New-Object System.Net.Http.HttpClientHandler
    $handler.ServerCertificateCustomValidationCallback = [System.Net.Http.HttpClientHandler]::DangerousAcceptAnyServerCertificateValidator
    $client = New-Object System.Net.Http.HttpClient($handler)
    try { $null = $client.GetStringAsync($Fake.Uri + '_fake/reset').GetAwaiter().GetResult() } finally { $client.Dispose() }
}

# Calls to the fake dbmail-api ({ Route; Form }), or a control request such as 'deliver?user=alice&count=2'.
function Invoke-FakeDbMail {
    param($Fake, [string] $Control = 'calls')
    $handler = New-Object System.Net.Http.HttpClientHandler
    $handler.ServerCertificateCustomValidationCallback = [System.Net.Http.HttpClientHandler]::DangerousAcceptAnyServerCertificateValidator
    $client = New-Object System.Net.Http.HttpClient($handler)
    try { $client.GetStringAsync($Fake.DbMailUri + '_fake/' + $Control).GetAwaiter().GetResult() | ConvertFrom-Json }
    finally { $client.Dispose() }
}

function Get-FakeDbMailCall {
    param($Fake, [string] $Route)
    $calls = @(Invoke-FakeDbMail $Fake 'calls')
    if ($Route) { $calls = @($calls | Where-Object { $_.Route -eq $Route }) }
    $calls
}
