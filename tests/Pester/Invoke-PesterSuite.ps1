# Runs the Pester suite against a built module folder and ends with "Pester: N passed, N failed".
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../out/MailStoreAdmin'),
    [string] $Configuration = 'Release',
    # Pester.psd1 to import (build.ps1 passes an installed Pester 5 or the one restored into out/tools/Pester).
    [string] $PesterPath
)
$ErrorActionPreference = 'Stop'
# build.ps1 runs under Set-StrictMode 3.0; the tests are written for PowerShell's default (e.g. $null.Id is $null).
Set-StrictMode -Off
if ($PesterPath) {
    Import-Module $PesterPath -Force
}
elseif (-not (Get-Module Pester | Where-Object { $_.Version.Major -ge 5 })) {
    $restored = Get-ChildItem (Join-Path $PSScriptRoot '../../out/tools/Pester') -Filter Pester.psd1 -Recurse -ErrorAction SilentlyContinue | Select-Object -First 1
    if (Get-Module -ListAvailable Pester | Where-Object { $_.Version.Major -ge 5 }) { Import-Module Pester -MinimumVersion 5.0 }
    elseif ($restored) { Import-Module $restored.FullName }
    else { throw 'Pester 5 is not available: run ./build.ps1 -Task Test, which restores it.' }
}
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
