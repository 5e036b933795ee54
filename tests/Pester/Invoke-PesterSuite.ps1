# Runs the Pester suite against a built module folder and ends with "Pester: N passed, N failed".
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../out/MailStoreAdmin'),
    [string] $Configuration = 'Release'
)
$ErrorActionPreference = 'Stop'
if (-not (Get-Module Pester | Where-Object { $_.Version.Major -ge 5 })) { Import-Module Pester -MinimumVersion 5.0 }
$env:MAILSTOREADMIN_MODULE = (Resolve-Path $ModulePath).Path
$env:MAILSTOREADMIN_CONFIGURATION = $Configuration

$config = New-PesterConfiguration
$config.Run.Path = $PSScriptRoot
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Detailed'
$result = Invoke-Pester -Configuration $config
Write-Host ("Pester: {0} passed, {1} failed" -f $result.PassedCount, ($result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount))
if ($result.Result -ne 'Passed') { exit 1 }
exit 0
