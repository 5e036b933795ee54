<#
.SYNOPSIS
    The module's main job, end to end: a short admin session against the loopback fake MailStore and dbmail-api
    servers (tests/MailStoreAdmin.FakeServers). Run it through `build.ps1 -Task Demo`, which packages the module and
    builds the fake first.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [string] $Configuration = 'Release'
)
$ErrorActionPreference = 'Stop'
$root = Join-Path $PSScriptRoot '..'
$moduleOut = (Resolve-Path $ModulePath).Path

. (Join-Path $root 'tests/Pester/FakeServer.ps1')
$fake = Start-FakeMailStore -Configuration $Configuration -Arguments @('--tls', '--users', '2500', '--verify-steps', '20', '--verify-step-ms', '250')
try {
    Import-Module (Join-Path $moduleOut 'MailStoreAdmin.psd1') -Force
    $credential = [pscredential]::new($fake.UserName, (ConvertTo-SecureString $fake.Password -AsPlainText -Force))

    Write-Host "`n> Connect-MsServer $($fake.Uri) -Credential admin -CertificateThumbprint $($fake.Thumbprint)" -ForegroundColor Cyan
    Connect-MsServer $fake.Uri -Credential $credential -CertificateThumbprint $fake.Thumbprint -PassThru | Out-Host

    Write-Host '> Get-MsServerInfo' -ForegroundColor Cyan
    Get-MsServerInfo | Out-Host

    Write-Host '> Get-MsUser | Select-Object -First 3' -ForegroundColor Cyan
    Get-MsUser | Select-Object -First 3 | Out-Host

    Write-Host "> Get-MsUser -Name 'user00001*' -Detailed | Select-Object UserName, EmailAddresses, Privileges" -ForegroundColor Cyan
    Get-MsUser -Name 'user00001*' -Detailed | Select-Object UserName, EmailAddresses, Privileges | Out-Host

    Write-Host '> Get-MsStore' -ForegroundColor Cyan
    Get-MsStore | Out-Host

    Write-Host '> Get-MsStore -Id 1 | Invoke-MsVerifyStore -InformationAction Continue   (progress bar; Ctrl+C cancels the server task)' -ForegroundColor Cyan
    Get-MsStore -Id 1 | Invoke-MsVerifyStore -InformationAction Continue | Out-Host

    Write-Host "> New-MsStore -Year 2027 -WhatIf; Get-MsStore | Where-Object RequestedState -eq 'normal' | Set-MsStore -RequestedState WriteProtected -WhatIf   (the yearly store routine)" -ForegroundColor Cyan
    New-MsStore -Year 2027 -WhatIf
    Get-MsStore | Where-Object RequestedState -eq 'normal' | Set-MsStore -RequestedState WriteProtected -WhatIf

    Write-Host "> 'user000002,user000001,Read', 'user000003,user000001,Read' | ConvertFrom-Csv -Header UserName, Folder, Access | Sync-MsFolderPermission -Scope user000001 -RemoveUnlisted" -ForegroundColor Cyan
    'user000002,user000001,Read', 'user000003,user000001,Read' | ConvertFrom-Csv -Header UserName, Folder, Access |
        Sync-MsFolderPermission -Scope user000001 -RemoveUnlisted -Confirm:$false | Out-Host

    Write-Host '> Get-MsProfile | Select-Object -First 3' -ForegroundColor Cyan
    Get-MsProfile | Select-Object -First 3 | Out-Host

    Write-Host '> Test-MsArchiveHealth -As Prtg   (the JSON of a PRTG EXE/Script Advanced sensor)' -ForegroundColor Cyan
    Test-MsArchiveHealth -As Prtg | Out-Host

    Write-Host '> Get-MsWorkerResult -Last (New-TimeSpan -Hours 3)   (dates in, DateTime values out; large ranges split when the server fails them)' -ForegroundColor Cyan
    Get-MsWorkerResult -Last (New-TimeSpan -Hours 3) | Out-Host

    Write-Host '> Get-MsApiFunction *Store* | Select-Object -First 5' -ForegroundColor Cyan
    Get-MsApiFunction *Store* | Select-Object -First 5 | Out-Host

    Disconnect-MsServer

    Write-Host "`n> Connect-DbMailApi $($fake.DbMailUri) -SecurityKey (secKey) -CertificateThumbprint $($fake.DbMailThumbprint)" -ForegroundColor Cyan
    Connect-DbMailApi $fake.DbMailUri -SecurityKey (ConvertTo-SecureString 'peer-secret' -AsPlainText -Force) -CertificateThumbprint $fake.DbMailThumbprint
    Write-Host "> 'alice', 'bob' | ForEach-Object { [pscustomobject]@{ UserName = `$_; Password = `"`$_-pw`" } } | New-DbMailUser" -ForegroundColor Cyan
    'alice', 'bob' | ForEach-Object { [pscustomobject]@{ UserName = $_; Password = "$_-pw" } } | New-DbMailUser | Out-Host
    Write-Host "> New-DbMailFilterRule alice invoices -Condition @{ Field = 'Subject'; Operator = 'Is'; Value = '*invoice*' } -StoreIn Invoices" -ForegroundColor Cyan
    New-DbMailFilterRule alice invoices -Condition @{ Field = 'Subject'; Operator = 'Is'; Value = '*invoice*' } -StoreIn Invoices | Out-Host
    Write-Host "> New-DbMailFilterRule alice 'x`ndiscard;' ...   (refused before anything is sent: sieve injection)" -ForegroundColor Cyan
    New-DbMailFilterRule alice "x`ndiscard;" -Condition @{ Field = 'From'; Operator = 'Is'; Value = 'a@b.example' } -Discard -ErrorAction Continue
    Write-Host '> Get-DbMailFilterRule alice | New-DbMailFilterRule -UserName bob' -ForegroundColor Cyan
    Get-DbMailFilterRule alice | New-DbMailFilterRule -UserName bob | Out-Host
    Disconnect-DbMailApi

    Write-Host "`n> Start-MsIntegrationServer -ListScript { ... } -AuthScript { ... } -AllowAnonymous -ListenAddress 127.0.0.1 -Port 0 -PassThru" -ForegroundColor Cyan
    $ai = Start-MsIntegrationServer -ListScript { [pscustomobject]@{ UserName = 'jane'; EmailAddresses = 'jane@example.test' } } `
        -AuthScript { param($Credential) $Credential.GetNetworkCredential().Password -eq 'jane-pw' } -AllowAnonymous -ListenAddress 127.0.0.1 -Port 0 -PassThru
    Write-Host "> Invoke-RestMethod $($ai.Url) -Method Post -Body @{ cmd = 'list' }   (what MailStore sends)" -ForegroundColor Cyan
    Invoke-RestMethod $ai.Url -Method Post -Body @{ cmd = 'list' } | ConvertTo-Json -Depth 3 | Out-Host
    $ai | Stop-MsIntegrationServer -Confirm:$false
}
finally {
    Stop-FakeServer $fake
}
