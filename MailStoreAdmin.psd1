@{
    RootModule             = 'MailStoreAdmin.dll'
    ModuleVersion          = '0.1.0'
    CompatiblePSEditions   = @('Desktop', 'Core')
    GUID                   = 'a4f0d6f2-5c1e-4b7e-9a53-2f8d7c1e6b90'
    Author                 = 'MailStoreAdmin contributors'
    CompanyName            = 'MailStoreAdmin'
    Copyright              = '(c) MailStoreAdmin contributors. MIT License.'
    Description            = 'Administer MailStore Server and Service Provider Edition (Administration API) and dbmail from PowerShell: typed cmdlets, pipeline objects, progress for long-running tasks, and Ctrl+C that cancels the server task.'
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess       = @(
        'Formats/MailStoreAdmin.Format.ps1xml'
    )
    CmdletsToExport        = @(
        'Connect-MsServer'
        'Disconnect-MsServer'
        'Get-MsConnection'
        'Invoke-MsApi'
        'Get-MsApiFunction'
        'Get-MsServerInfo'
        'Get-MsUser'
        'Get-MsStore'
        'Invoke-MsVerifyStore'
        'Wait-MsTask'
        'Stop-MsTask'
        'Get-MsDirectoryServicesConfiguration'
        'Set-MsDirectoryServicesConfiguration'
        'Sync-MsDirectoryUser'
        'Connect-DbMailApi'
        'Disconnect-DbMailApi'
        'Get-DbMailConnection'
        'Test-DbMailUser'
        'New-DbMailUser'
        'Set-DbMailUserPassword'
        'Remove-DbMailUser'
        'Clear-DbMailMailbox'
        'Get-DbMailUnreadCount'
        'New-DbMailFilterCondition'
        'New-DbMailFilterRule'
        'Get-DbMailFilterRule'
        'Remove-DbMailFilterRule'
        'New-DbMailFetchRule'
        'Get-DbMailFetchRule'
        'Set-DbMailFetchRule'
        'Remove-DbMailFetchRule'
        'Start-MsIntegrationServer'
        'Stop-MsIntegrationServer'
        'Get-MsIntegrationServer'
        'ConvertTo-MsPasswordHash'
    )
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('MailStore', 'Archive', 'Email', 'dbmail', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux')
            LicenseUri   = 'https://opensource.org/licenses/MIT'
            ReleaseNotes = 'First release: MailStore connection, generic API invocation, users, stores, store verification with progress and cancellation.'
        }
    }
}
