<#
.SYNOPSIS
    Measures the module end to end in PowerShell: Get-MsUser streamed into Measure-Object, and Get-MsUser -Detailed
    against a fake server that adds latency to every GetUserInfo.
.DESCRIPTION
    Needs a packaged module (./build.ps1 -Task Package) and the built fake server. Starts the fake as a child process
    on loopback (plain http, so TLS does not blur the figures), runs each measurement -Iterations times after one
    warm-up, and writes one object per measurement. Peak working set is the whole pwsh process.
.EXAMPLE
    pwsh -NoProfile -File bench/pwsh/Measure-Pipeline.ps1 -Users 100001 -DetailedUsers 5001 -LatencyMs 5
#>
[CmdletBinding()]
param(
    [int] $Users = 100001,
    [int] $DetailedUsers = 5001,
    [int] $LatencyMs = 5,
    [int] $ThrottleLimit = 8,
    [int] $Iterations = 3,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../out/MailStoreAdmin/MailStoreAdmin.psd1'),
    [string] $Configuration = 'Release'
)
$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot '../../tests/Pester/FakeServer.ps1')
Import-Module $ModulePath -Force

function Measure-Median([scriptblock] $Body) {
    $times = foreach ($i in 0..$Iterations) {
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $result = & $Body
        $watch.Stop()
        if ($i -gt 0) { $watch.Elapsed.TotalMilliseconds }   # run 0 is the warm-up
    }
    $sorted = $times | Sort-Object
    [pscustomobject]@{ MedianMs = [math]::Round($sorted[[int][math]::Floor($sorted.Count / 2)]); MinMs = [math]::Round($sorted[0]); MaxMs = [math]::Round($sorted[-1]); Result = $result }
}

function Connect-Fake($Fake) {
    $credential = [pscredential]::new($Fake.UserName, (ConvertTo-SecureString $Fake.Password -AsPlainText -Force))
    Connect-MsServer $Fake.Uri -Credential $credential -AllowUnencryptedAuthentication -PassThru
}

$fake = Start-FakeMailStore -Configuration $Configuration -Arguments @('--users', $Users)
try {
    $connection = Connect-Fake $fake
    $m = Measure-Median { (Get-MsUser -Connection $connection | Measure-Object).Count }
    [pscustomobject]@{ Measurement = "(Get-MsUser | Measure-Object).Count, $Users users"; MedianMs = $m.MedianMs; MinMs = $m.MinMs; MaxMs = $m.MaxMs
        Count = $m.Result; PeakWorkingSetMB = [math]::Round([Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64 / 1MB) }
    Disconnect-MsServer $connection
}
finally { Stop-FakeServer $fake }

$fake = Start-FakeMailStore -Configuration $Configuration -Arguments @('--users', $DetailedUsers, '--latency-ms', $LatencyMs)
try {
    $connection = Connect-Fake $fake
    $m = Measure-Median { (Get-MsUser -Connection $connection -Detailed -ThrottleLimit $ThrottleLimit | Measure-Object).Count }
    $bound = $DetailedUsers * $LatencyMs / $ThrottleLimit
    [pscustomobject]@{ Measurement = "Get-MsUser -Detailed, $DetailedUsers users, $LatencyMs ms latency, throttle $ThrottleLimit"; MedianMs = $m.MedianMs
        MinMs = $m.MinMs; MaxMs = $m.MaxMs; Count = $m.Result; LatencyBoundMs = $bound; RatioToBound = [math]::Round($m.MedianMs / $bound, 2) }
    Disconnect-MsServer $connection
}
finally { Stop-FakeServer $fake }
