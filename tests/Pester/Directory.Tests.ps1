# Directory services end to end: the fake MailStore (a separate process) syncs its users from this module's own
# Application Integration server, running in this session on a user file.
BeforeAll {
    . (Join-Path $PSScriptRoot 'FakeServer.ps1')
    $modulePath = if ($env:MAILSTOREADMIN_MODULE) { $env:MAILSTOREADMIN_MODULE } else { Join-Path $PSScriptRoot '../../out/MailStoreAdmin' }
    $configuration = if ($env:MAILSTOREADMIN_CONFIGURATION) { $env:MAILSTOREADMIN_CONFIGURATION } else { 'Release' }
    Import-Module (Join-Path $modulePath 'MailStoreAdmin.psd1') -Force

    $script:fake = Start-FakeMailStore -Configuration $configuration -Arguments @('--tls', '--users', '5')
    $script:credential = [pscredential]::new($fake.UserName, (ConvertTo-SecureString $fake.Password -AsPlainText -Force))
    $script:connection = Connect-MsServer $fake.Uri -Credential $credential -CertificateThumbprint $fake.Thumbprint -PassThru

    $script:callerPassword = 'Caller-Pw-7c2e!'
    $script:userFile = Join-Path $TestDrive 'users.csv'
    Set-Content $userFile -Value @('userName,fullName,emailAddresses', 'alice,Alice Liddell,alice@example.test', 'bob,Bob,bob@example.test')
    $options = [MailStoreAdmin.Core.Integration.Server.IntegrationServerOptions]::new()
    $options.CallerCredential = [System.Net.NetworkCredential]::new('mailstore', $callerPassword)
    $source = [MailStoreAdmin.Core.Integration.Sources.FileUserSource]::new($userFile, 'Auto', $null)
    $script:integration = [MailStoreAdmin.Core.Integration.Server.IntegrationServer]::Start($options, $source, $null)

    function script:Get-SentConfig { (Get-FakeCall $fake -Function SetDirectoryServicesConfiguration)[-1].Form.config | ConvertFrom-Json }
    # The whole configuration in the fake's own shape (the real one is not documented).
    function script:Set-IntegrationConfig {
        [ordered]@{
            type = 'applicationIntegration'; url = $integration.Url.ToString(); ignoreSslErrors = $false
            userName = 'mailstore'; password = $null; deleteUsers = $false; groups = @()
        } | Set-MsDirectoryServicesConfiguration -Password $callerPassword -Confirm:$false
    }
}

AfterAll {
    Get-MsConnection | Disconnect-MsServer -Confirm:$false
    if ($script:integration) { $script:integration.Dispose() }
    Stop-FakeServer $script:fake
}

Describe 'Get-MsDirectoryServicesConfiguration' {
    It 'writes the server''s keys as an object of its own type, without the password' {
        $config = Get-MsDirectoryServicesConfiguration
        $config.PSObject.TypeNames[0] | Should -Be 'MailStoreAdmin.DirectoryServicesConfiguration'
        $config.type | Should -Be 'applicationIntegration'
        $config.PSObject.Properties.Name | Should -Contain 'password'
        $config.password | Should -BeNullOrEmpty
    }
}

Describe 'Set-MsDirectoryServicesConfiguration' {
    It 'sends nothing with -WhatIf' {
        Reset-FakeCall $fake
        Get-MsDirectoryServicesConfiguration | Set-MsDirectoryServicesConfiguration -WhatIf
        Get-FakeCall $fake -Function SetDirectoryServicesConfiguration | Should -BeNullOrEmpty
    }

    It 'round-trips an edited object: every key kept, only the edit changed' {
        $config = Get-MsDirectoryServicesConfiguration
        $config.deleteUsers = $true
        $config | Set-MsDirectoryServicesConfiguration -Confirm:$false
        $expected = $config | ConvertTo-Json -Compress -Depth 10
        (Get-SentConfig | ConvertTo-Json -Compress -Depth 10) | Should -Be $expected
        (Get-MsDirectoryServicesConfiguration | ConvertTo-Json -Compress -Depth 10) | Should -Be $expected
    }

    It 'puts -Password into what is sent, not into the caller''s object' {
        $config = Get-MsDirectoryServicesConfiguration
        $config.userName = 'mailstore'
        $config | Set-MsDirectoryServicesConfiguration -Password (ConvertTo-SecureString 'Pw-in-flight-1' -AsPlainText -Force) -Confirm:$false -WarningVariable warnings
        (Get-SentConfig).password | Should -Be 'Pw-in-flight-1'
        $config.password | Should -BeNullOrEmpty
        $warnings | Should -BeNullOrEmpty
    }

    It 'warns when an account is configured but the password is missing, and still sends' {
        Reset-FakeCall $fake
        $config = Get-MsDirectoryServicesConfiguration
        $config.userName = 'mailstore'
        $config | Set-MsDirectoryServicesConfiguration -Confirm:$false -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings[0] | Should -Match '\(Password\)'
        @(Get-FakeCall $fake -Function SetDirectoryServicesConfiguration).Count | Should -Be 1
    }

    It 'keeps the password out of -Debug output' {
        $config = Get-MsDirectoryServicesConfiguration
        $config.userName = 'mailstore'
        # The module decides whether to build body dumps from a $DebugPreference it does not see in child scopes,
        # and -Debug prompts in a non-interactive host; the global preference works for both.
        $saved = $global:DebugPreference
        try {
            $global:DebugPreference = 'Continue'
            $debug = $config | Set-MsDirectoryServicesConfiguration -Password 'Debug-Hidden-9+&' -Confirm:$false 5>&1 | Out-String
        }
        finally { $global:DebugPreference = $saved }
        $debug | Should -Match 'Request body: config='
        $debug | Should -Not -Match 'Debug-Hidden'
    }

    It 'accepts a hashtable and JSON text, and refuses what is neither' {
        Reset-FakeCall $fake
        @{ type = 'applicationIntegration'; url = 'https://a.example.test/'; deleteUsers = $false } | Set-MsDirectoryServicesConfiguration -Confirm:$false
        (Get-SentConfig).url | Should -Be 'https://a.example.test/'
        '{"type":"applicationIntegration","url":"https://b.example.test/","password":null}' | Set-MsDirectoryServicesConfiguration -Confirm:$false
        (Get-SentConfig).url | Should -Be 'https://b.example.test/'
        Reset-FakeCall $fake
        42 | Set-MsDirectoryServicesConfiguration -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -BeLike 'DirectoryServicesConfigurationInvalid,*'
        Get-FakeCall $fake -Function SetDirectoryServicesConfiguration | Should -BeNullOrEmpty
    }

    It 'refuses -Password for a configuration without a password key instead of inventing one' {
        Reset-FakeCall $fake
        @{ type = 'activeDirectory' } | Set-MsDirectoryServicesConfiguration -Password 'x' -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -BeLike 'DirectoryServicesConfigurationHasNoPassword,*'
        Get-FakeCall $fake -Function SetDirectoryServicesConfiguration | Should -BeNullOrEmpty
    }
}

Describe 'Sync-MsDirectoryUser' {
    BeforeAll { Set-IntegrationConfig }

    It '-WhatIf runs a dry run (dryRun=true) that reports the changes and saves nothing' {
        Reset-FakeCall $fake
        $result = Sync-MsDirectoryUser -WhatIf
        (Get-FakeCall $fake -Function SyncUsersWithDirectoryServices).Form.dryRun | Should -Be 'true'
        $result.StatusCode | Should -Be 'succeeded'
        $result.Target | Should -Be 'dry run'
        $result.Log | Should -Contain "Adding user 'alice'..."
        Get-MsUser -Name alice -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It '$WhatIfPreference and -DryRun also send dryRun=true' {
        Reset-FakeCall $fake
        & { $WhatIfPreference = $true; $null = Sync-MsDirectoryUser }
        $null = Sync-MsDirectoryUser -DryRun
        (Get-FakeCall $fake -Function SyncUsersWithDirectoryServices).Form.dryRun | Should -Be @('true', 'true')
    }

    It 'synchronizes the integration server''s users into MailStore, logging to the information stream' {
        Reset-FakeCall $fake
        $result = Sync-MsDirectoryUser -Confirm:$false -InformationVariable info
        (Get-FakeCall $fake -Function SyncUsersWithDirectoryServices).Form.dryRun | Should -Be 'false'
        $result | Should -BeOfType 'MailStoreAdmin.Core.MailStore.Models.MsTaskResult'
        $result.StatusCode | Should -Be 'succeeded'
        ($info | Where-Object { $_.Tags -contains 'MailStoreLog' }).MessageData | Should -Contain "Adding user 'bob'..."
        $alice = Get-MsUser -Name alice
        $alice.FullName | Should -Be 'Alice Liddell'
        $alice.EmailAddresses | Should -Be 'alice@example.test'
        (Get-MsUser).UserName | Should -Contain 'bob'
    }

    It 'returns a task with -NoWait that Wait-MsTask completes' {
        $task = Sync-MsDirectoryUser -NoWait -Confirm:$false
        $task | Should -BeOfType 'MailStoreAdmin.Core.MailStore.MsTask'
        ($task | Wait-MsTask).StatusCode | Should -Be 'succeeded'
    }

    It 'fails with the server''s message when the integration server answers 500, and deletes nobody' {
        $config = Get-MsDirectoryServicesConfiguration
        $config.deleteUsers = $true
        $config | Set-MsDirectoryServicesConfiguration -Password $callerPassword -Confirm:$false
        Remove-Item $userFile
        Sync-MsDirectoryUser -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MailStoreApiCallFailed,*'
        $err[0].Exception.Message | Should -Match 'HTTP 500'
        (Get-MsUser).UserName | Should -Contain 'alice'
    }
}
