# MailStore Service Provider Edition: instances, instance scope and fan-out, hosts, administrators, settings.
BeforeAll {
    . (Join-Path $PSScriptRoot 'FakeServer.ps1')
    $modulePath = if ($env:MAILSTOREADMIN_MODULE) { $env:MAILSTOREADMIN_MODULE } else { Join-Path $PSScriptRoot '../../out/MailStoreAdmin' }
    $configuration = if ($env:MAILSTOREADMIN_CONFIGURATION) { $env:MAILSTOREADMIN_CONFIGURATION } else { 'Release' }
    Import-Module (Join-Path $modulePath 'MailStoreAdmin.psd1') -Force

    $script:fake = Start-FakeMailStore -Configuration $configuration -Arguments @('--tls', '--spe', '--spe-instances', '5', '--users', '6')
    $script:credential = [pscredential]::new($fake.UserName, (ConvertTo-SecureString $fake.Password -AsPlainText -Force))
    # No -ServiceProvider: the edition comes from the metadata.
    $script:spe = Connect-MsServer $fake.Uri -Credential $credential -CertificateThumbprint $fake.Thumbprint -PassThru
}

AfterAll {
    Get-MsConnection | Disconnect-MsServer -Confirm:$false
    Stop-FakeServer $script:fake
}

Describe 'SPE connection' {
    It 'detects the edition from the metadata and shows it in Get-MsConnection' {
        (Get-MsConnection -Default).Edition | Should -Be 'ServiceProvider'
        (Get-MsConnection -Default | Format-Table | Out-String) | Should -Match 'ServiceProvider'
    }

    It 'refuses a Server-only cmdlet by edition before sending' {
        Reset-FakeCall $fake
        { Get-MsServerInfo -ErrorAction Stop } | Should -Throw -ErrorId 'MailStoreWrongEdition,*'
        Get-FakeCall $fake -Function GetServerInfo | Should -BeNullOrEmpty
    }

    It 'refuses an instance-level cmdlet without an instance before sending' {
        Reset-FakeCall $fake
        $err = $null
        Get-MsUser -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MailStoreInstanceRequired,*'
        $err[0].ErrorDetails.RecommendedAction | Should -Match 'InstanceId'
        Get-FakeCall $fake -Function GetUsers | Should -BeNullOrEmpty
    }

    It 'uses the instance of Connect-MsServer -InstanceId as the default' {
        $scoped = Connect-MsServer $fake.Uri -Credential $credential -CertificateThumbprint $fake.Thumbprint -ServiceProvider -InstanceId inst04 -PassThru
        Reset-FakeCall $fake
        @(Get-MsUser -Connection $scoped).Count | Should -Be 6
        (Get-FakeCall $fake -Function GetUsers).Form.instanceID | Should -Be 'inst04'
        Disconnect-MsServer $scoped -Confirm:$false
        Connect-MsServer $fake.Uri -Credential $credential -CertificateThumbprint $fake.Thumbprint
        $script:spe = Get-MsConnection -Default
    }
}

Describe 'Get-MsInstance' {
    It 'lists instances with state, host and statistics' {
        $instances = Get-MsInstance -IncludeStatistics
        $instances.InstanceId | Should -Be @('inst01', 'inst02', 'inst03', 'inst04', 'inst05')
        $instances[0].Status | Should -Be 'running'
        $instances[0].InstanceHost | Should -Be 'host01'
        $instances[0].TotalSizeMB | Should -Be 1536.5
        $instances[0].Process.CurrentPrivateMemoryBytes | Should -BeGreaterThan 0
    }

    It 'filters by wildcard and reports an unknown id' {
        $err = $null
        $found = Get-MsInstance 'inst0[12]', 'nosuch' -ErrorVariable err -ErrorAction SilentlyContinue
        $found.InstanceId | Should -Be @('inst01', 'inst02')
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MailStoreInstanceNotFound,*'
    }
}

Describe 'Instance scope and fan-out' {
    It 'runs Get-MsUser in every piped instance and tags each user with its instance' {
        Reset-FakeCall $fake
        $users = Get-MsInstance | Get-MsUser -ThrottleLimit 3
        $users.Count | Should -Be 30
        ($users | Group-Object InstanceId).Name | Sort-Object | Should -Be @('inst01', 'inst02', 'inst03', 'inst04', 'inst05')
        $users[0].UserName | Should -Match '^user'
        (Get-FakeCall $fake -Function GetUsers).Form.instanceID | Sort-Object | Should -Be @('inst01', 'inst02', 'inst03', 'inst04', 'inst05')
    }

    It 'takes -InstanceId from ForEach-Object as well' {
        $stores = Get-MsInstance inst01, inst02 | ForEach-Object { Get-MsStore -InstanceId $_.InstanceId }
        $stores.Count | Should -Be 6
        ($stores.InstanceId | Sort-Object -Unique) | Should -Be @('inst01', 'inst02')
    }

    It 'turns one instance''s failure into an error record and goes on with the others' {
        Stop-MsInstance inst02 -Confirm:$false | Out-Null
        $err = $null
        $users = Get-MsInstance | Get-MsUser -ErrorVariable err -ErrorAction SilentlyContinue
        $users.Count | Should -Be 24
        $err.Count | Should -Be 1
        $err[0].Exception.Message | Should -Match "Instance 'inst02'.*not running"
        Start-MsInstance inst02 -Confirm:$false | Out-Null
    }

    It 'runs a long-running task in several instances, each result tagged' {
        $results = Get-MsInstance inst01, inst04 | Invoke-MsVerifyStore -Id 1
        $results.Count | Should -Be 2
        $results.StatusCode | Should -Be @('succeeded', 'succeeded')
        $results.InstanceId | Sort-Object | Should -Be @('inst01', 'inst04')
    }

    It 'passes the instance to Invoke-MsApi' {
        $result = Get-MsInstance inst03 | Invoke-MsApi GetStores
        $result.Count | Should -Be 3
        $result[0].InstanceId | Should -Be 'inst03'
    }
}

Describe 'Instance state changes' {
    It 'stops three piped instances with ONE call, as a task, and -PassThru shows the new state' {
        Reset-FakeCall $fake
        $stopped = 'inst01', 'inst03', 'inst05' | Stop-MsInstance -PassThru -Confirm:$false
        $stopped.Status | Should -Be @('stopped', 'stopped', 'stopped')
        $calls = @(Get-FakeCall $fake -Function StopInstances)
        $calls.Count | Should -Be 1
        $calls[0].Form.instanceFilter | Should -Be 'inst01,inst03,inst05'
        (Get-FakeCall $fake -Function 'get-status') | Should -Not -BeNullOrEmpty
    }

    It 'starts, freezes, thaws and restarts' {
        (Start-MsInstance 'inst0[135]' -PassThru).Status | Should -Be @('running', 'running', 'running')
        (Suspend-MsInstance inst01 -PassThru).Status | Should -Be 'frozen'
        (Resume-MsInstance inst01 -PassThru).Status | Should -Be 'running'
        (Restart-MsInstance inst01 -PassThru).Status | Should -Be 'running'
    }

    It 'sends nothing with -WhatIf' {
        Reset-FakeCall $fake
        Remove-MsInstance inst05 -WhatIf
        Get-FakeCall $fake -Function DeleteInstances | Should -BeNullOrEmpty
        (Get-MsInstance inst05).Status | Should -Be 'running'
    }

    It 'creates an instance as a task and removes it' {
        $new = New-MsInstance acme -InstanceHost host01 -DisplayName 'ACME Corp' -BaseDirectory 'E:\Instances\acme'
        $new.InstanceId | Should -Be 'acme'
        { New-MsInstance acme -InstanceHost host01 -ErrorAction Stop } | Should -Throw -ErrorId 'MailStoreInstanceExists,*'
        Remove-MsInstance acme -Confirm:$false
        Get-MsInstance acme -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}

Describe 'Instance configuration' {
    It 'reads configurations of piped instances and changes one read-modify-write' {
        (Get-MsInstance inst0[12] | Get-MsInstanceConfiguration).instanceID | Sort-Object | Should -Be @('inst01', 'inst02')
        Reset-FakeCall $fake
        $result = Set-MsInstanceConfiguration -InstanceId inst02 -DisplayName 'Renamed' -DebugLogEnabled -PassThru -Confirm:$false
        $result.displayName | Should -Be 'Renamed'
        $sent = (Get-FakeCall $fake -Function SetInstanceConfiguration).Form.config | ConvertFrom-Json
        $sent.futureSetting | Should -Be 'kept'
        $sent.debugLogEnabled | Should -BeTrue
    }

    It 'sends no change for any instance with -WhatIf' {
        Reset-FakeCall $fake
        Get-MsInstance | Set-MsArchiveAdminAccess -Enabled -WhatIf
        Get-FakeCall $fake -Function SetArchiveAdminEnabled | Should -BeNullOrEmpty
    }

    It 'allows and reads $archiveadmin access across instances' {
        Get-MsInstance | Set-MsArchiveAdminAccess -Enabled -Confirm:$false
        (Get-MsInstance | Get-MsArchiveAdminAccess).Enabled | Should -Be @($true, $true, $true, $true, $true)
    }

    It 'creates a one-time $archiveadmin URL that never reaches the debug stream' {
        $DebugPreference = 'Continue'
        $debug = New-MsArchiveAdminUrl -InstanceId inst01 -Confirm:$false 5>&1
        $DebugPreference = 'SilentlyContinue'
        $url = $debug | Where-Object { $_ -is [MailStoreAdmin.Core.MailStore.Models.MsArchiveAdminUrl] }
        $url.Url | Should -Match 'otp=secret-'
        ($debug | Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | Out-String) | Should -Not -Match 'otp='
    }
}

Describe 'Hosts and client access servers' {
    It 'creates, changes and removes an instance host' {
        (New-MsInstanceHost host02 -Port 8472 -BaseDirectory 'F:\Instances' -CertificateThumbprint 'AA11').serverName | Should -Be 'host02'
        (Set-MsInstanceHost host02 -Port 9472 -PassThru -Confirm:$false).port | Should -Be 9472
        (Get-MsInstanceHost 'host*').serverName | Should -Be @('host01', 'host02')
        Remove-MsInstanceHost host02 -Confirm:$false
        { Remove-MsInstanceHost host02 -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'MailStoreInstanceHostNotFound,*'
    }

    It 'lists and creates host directories' {
        New-MsInstanceHostDirectory host01 'E:\Instances\new' | Out-Null
        (Get-MsInstanceHostDirectory host01 'E:\Instances').Path | Should -Contain 'E:\Instances\new'
    }

    It 'manages client access servers' {
        New-MsClientAccessServer cas02 -Port 8473 | Out-Null
        (Get-MsClientAccessServer -IncludeServiceStatus | Where-Object serverName -eq cas02).serviceStatus.active | Should -BeTrue
        (Set-MsClientAccessServer cas02 -CertificateThumbprint 'BB22' -PassThru -Confirm:$false).serverCertificate.thumbprint | Should -Be 'BB22'
        Remove-MsClientAccessServer cas02 -Confirm:$false
        @(Get-MsClientAccessServer).Count | Should -Be 1
    }
}

Describe 'System administrators and settings' {
    It 'creates an administrator and sets passwords without showing them' {
        $password = ConvertTo-SecureString 'Adm1n-Secret!' -AsPlainText -Force
        $DebugPreference = 'Continue'
        $out = New-MsSystemAdministrator ops $password -FullName 'Operations' -Verbose -Confirm:$false 4>&1 5>&1
        $DebugPreference = 'SilentlyContinue'
        ($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }) | Should -Not -BeNullOrEmpty
        ($out | Where-Object { $_ -is [System.Management.Automation.DebugRecord] -or $_ -is [System.Management.Automation.VerboseRecord] } | Out-String) |
            Should -Not -Match 'Adm1n-Secret'
        Set-MsSystemAdministratorPassword ops (ConvertTo-SecureString 'N3w-Secret!' -AsPlainText -Force) -Confirm:$false
        (Set-MsSystemAdministrator ops -EmailAddress 'ops@example.com' -PassThru -Confirm:$false).fullName | Should -Be 'Operations'
        Initialize-MsSystemAdministratorMfa ops -Confirm:$false
        (Get-MsSystemAdministrator ops).mfaStatus | Should -Be 'pending'
        Disable-MsSystemAdministratorMfa ops -Confirm:$false
        Remove-MsSystemAdministrator ops -Confirm:$false
        Get-MsSystemAdministrator 'op*' | Should -BeNullOrEmpty
    }

    It 'creates an API password as a SecureString' {
        $api = New-MsSystemAdministratorApiPassword -Confirm:$false
        $api.Password | Should -BeOfType [securestring]
        $api.UserName | Should -Be 'admin'
    }

    It 'reads, changes and tests the system SMTP settings' {
        (Get-MsSystemSmtpSetting).hostname | Should -Be 'smtp.example.com'
        $set = Set-MsSystemSmtpSetting -Hostname relay.example.net -Password (ConvertTo-SecureString 'Smtp-S3cret' -AsPlainText -Force) -PassThru -Confirm:$false
        $set.hostname | Should -Be 'relay.example.net'
        $set.futureSetting | Should -Be 'kept'
        (Test-MsSystemSmtpSetting).StatusCode | Should -Be 'succeeded'
    }

    It 'reads the environment and the service status' {
        (Get-MsEnvironmentInfo).version | Should -Be '25.3.0.12345'
        ((Get-MsServiceStatus).serverInfos | Where-Object serverType -eq instanceHost).numberOfInstances | Should -Be 5
    }
}
