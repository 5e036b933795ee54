BeforeAll {
    . (Join-Path $PSScriptRoot 'FakeServer.ps1')
    $modulePath = if ($env:MAILSTOREADMIN_MODULE) { $env:MAILSTOREADMIN_MODULE } else { Join-Path $PSScriptRoot '../../out/MailStoreAdmin' }
    $configuration = if ($env:MAILSTOREADMIN_CONFIGURATION) { $env:MAILSTOREADMIN_CONFIGURATION } else { 'Release' }
    Import-Module (Join-Path $modulePath 'MailStoreAdmin.psd1') -Force

    $script:fake = Start-FakeMailStore -Configuration $configuration -Arguments @('--tls', '--users', '50', '--verify-steps', '4', '--verify-step-ms', '50')
    $script:credential = [pscredential]::new($fake.UserName, (ConvertTo-SecureString $fake.Password -AsPlainText -Force))
    $script:connection = Connect-MsServer $fake.Uri -Credential $credential -CertificateThumbprint $fake.Thumbprint -PassThru
}

AfterAll {
    Get-MsConnection | Disconnect-MsServer -Confirm:$false
    Stop-FakeServer $script:fake
}

Describe 'Connect-MsServer' {
    It 'returns a connection with -PassThru and makes it the default' {
        $connection | Should -BeOfType 'MailStoreAdmin.Core.MailStore.MsConnection'
        $connection.ServerVersion | Should -Be '25.3.1.23456'
        (Get-MsConnection -Default).Id | Should -Be $connection.Id
    }

    It 'rejects the self-signed certificate unless it is pinned, and names the thumbprint' {
        { Connect-MsServer $fake.Uri -Credential $credential -ErrorAction Stop } |
            Should -Throw -ErrorId 'ServerCertificateRejected,MailStoreAdmin.Commands.MailStore.ConnectMsServerCommand'
        $err = $null
        try { Connect-MsServer $fake.Uri -Credential $credential } catch { $err = $_ }
        $err.ErrorDetails.RecommendedAction | Should -Match $fake.Thumbprint
    }

    It 'reports a wrong password as an authentication error without the password' {
        $wrong = [pscredential]::new('admin', (ConvertTo-SecureString 'Not-The-Password' -AsPlainText -Force))
        $err = $null
        try { Connect-MsServer $fake.Uri -Credential $wrong -CertificateThumbprint $fake.Thumbprint } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'MailStoreAuthenticationFailed,*'
        $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
        ($err | Out-String) | Should -Not -Match 'Not-The-Password'
    }

    It 'explains HTTP 401 with its likely causes and a recommended action' {
        $wrong = [pscredential]::new('admin', (ConvertTo-SecureString 'Not-The-Password' -AsPlainText -Force))
        $err = $null
        try { Connect-MsServer $fake.Uri -Credential $wrong -CertificateThumbprint $fake.Thumbprint } catch { $err = $_ }
        $err.Exception.Message | Should -Match 'HTTP 401'
        $err.Exception.Message | Should -Match 'wrong user name or password'
        $err.Exception.Message | Should -Match "'api' login privilege"
        $err.Exception.Message | Should -Match 'MFA.*API password'
        $err.ErrorDetails.RecommendedAction | Should -Match "'api' login privilege"
    }

    It 'accepts -SkipCertificateCheck with a warning and keeps the earlier default when not passed through' {
        $warnings = $null
        $skip = Connect-MsServer $fake.Uri -Credential $credential -SkipCertificateCheck -PassThru -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings | Should -Not -BeNullOrEmpty
        (Get-MsConnection -Default).Id | Should -Be $skip.Id
        Disconnect-MsServer -Connection $skip -Confirm:$false
        (Get-MsConnection -Default).Id | Should -Be $connection.Id
    }
}

Describe 'Get-MsServerInfo and Get-MsApiFunction' {
    It 'gets the version' {
        (Get-MsServerInfo).Version | Should -Be '25.3.1.23456'
    }

    It 'lists functions by wildcard and errors on an unknown exact name' {
        (Get-MsApiFunction '*Store').Name | Should -Contain 'VerifyStore'
        Get-MsApiFunction NoSuchThing -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'UnknownApiFunction,*'
    }
}

Describe 'Get-MsUser' {
    It 'streams users and stops early with Select-Object -First' {
        $users = Get-MsUser | Select-Object -First 3
        $users.UserName | Should -Be @('user000001', 'user000002', 'user000003')
        $users[0] | Should -BeOfType 'MailStoreAdmin.Core.MailStore.Models.MsUser'
    }

    It 'binds UserName from the pipeline, as from Import-Csv' {
        $rows = @([pscustomobject]@{ UserName = 'user000002' }, [pscustomobject]@{ UserName = 'user000004' })
        $users = $rows | Get-MsUser
        $users.UserName | Should -Be @('user000002', 'user000004')
        $users[0].EmailAddresses | Should -Be 'user000002@example.com'
    }

    It 'adds details with -Detailed in server order' {
        $users = Get-MsUser -Name 'user00001*' -Detailed
        $users.Count | Should -Be 10
        $users | ForEach-Object { $_.IsDetailed | Should -BeTrue }
        $users[0].UserName | Should -Be 'user000010'
    }

    It 'writes a non-terminating not-found error for an unknown user' {
        $result = Get-MsUser -Name 'nobody' -ErrorAction SilentlyContinue -ErrorVariable err
        $result | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MailStoreUserNotFound,*'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be 'nobody'
    }

    It 'renders the default table view' {
        (Get-MsUser -Name 'user000001' | Format-Table | Out-String) | Should -Match 'UserName\s+FullName'
    }
}

Describe 'Get-MsStore' {
    It 'gets stores, filtered by id or name' {
        (Get-MsStore).Count | Should -Be 3
        (Get-MsStore -Id 2).Name | Should -Be 'Archive 2025'
        (Get-MsStore -Name 'Archive 2026').Id | Should -Be 3
        (Get-MsStore -Id 1 -IncludeSize).StatisticsCount | Should -Be 12345
    }

    It 'reports a missing id' {
        Get-MsStore -Id 99 -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MailStoreStoreNotFound,*'
    }
}

Describe 'Invoke-MsVerifyStore' {
    It 'verifies a store piped from Get-MsStore and writes its log to the information stream' {
        $result = Get-MsStore -Id 1 | Invoke-MsVerifyStore -InformationVariable info
        $result.StatusCode | Should -Be 'succeeded'
        $result.Target | Should -Be 1
        $result.Log[-1] | Should -Be 'Finished. No errors have been found.'
        ($info | Where-Object { $_.Tags -contains 'MailStoreLog' }).Count | Should -Be $result.Log.Count
    }

    It 'turns a failed verification into an error record' {
        Invoke-MsVerifyStore -Id 3 -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MailStoreApiCallFailed,*'
        $err[0].Exception.Message | Should -Match 'damaged'
    }

    It 'sends nothing with -WhatIf' {
        Reset-FakeCall $fake
        Invoke-MsVerifyStore -Id 1 -WhatIf
        Get-FakeCall $fake -Function VerifyStore | Should -BeNullOrEmpty
    }

    It 'returns a task with -NoWait that Wait-MsTask completes' {
        $task = Invoke-MsVerifyStore -Id 2 -NoWait
        $task | Should -BeOfType 'MailStoreAdmin.Core.MailStore.MsTask'
        $task.IsCompleted | Should -BeFalse
        ($task | Wait-MsTask).StatusCode | Should -Be 'succeeded'
        $task.IsCompleted | Should -BeTrue
    }

    It 'Stop-MsTask asks the server to cancel' {
        Reset-FakeCall $fake
        $task = Invoke-MsVerifyStore -Id 2 -NoWait
        $task | Stop-MsTask -Confirm:$false
        (Get-FakeCall $fake -Function 'cancel-async').Form.token | Should -Be $task.Token
        { $task | Wait-MsTask -ErrorAction Stop } | Should -Throw
    }
}

Describe 'Ctrl+C' {
    BeforeAll {
        $script:slow = Start-FakeMailStore -Configuration $configuration -Arguments @('--verify-steps', '2000', '--verify-step-ms', '50')
    }
    AfterAll { Stop-FakeServer $script:slow }

    It 'stopping the pipeline cancels the server task' {
        $ps = [PowerShell]::Create()
        $null = $ps.AddScript({
                param($modulePath, $uri, $password)
                Import-Module (Join-Path $modulePath 'MailStoreAdmin.psd1')
                $cred = [pscredential]::new('admin', (ConvertTo-SecureString $password -AsPlainText -Force))
                Connect-MsServer $uri -Credential $cred -AllowUnencryptedAuthentication
                Invoke-MsVerifyStore -Id 1
            }).AddArgument($modulePath).AddArgument($slow.Uri).AddArgument($slow.Password)
        $async = $ps.BeginInvoke()
        $deadline = [DateTime]::UtcNow.AddSeconds(30)
        while (-not (Get-FakeCall $slow -Function 'get-status') -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
        $ps.Stop()
        $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        Get-FakeCall $slow -Function 'cancel-async' | Should -Not -BeNullOrEmpty
        $ps.Dispose()
    }
}

Describe 'Ctrl+C at any point of a task' {
    BeforeAll {
        # The server starts the task at once but answers the invoke only after 2 s, as large stores do.
        $script:late = Start-FakeMailStore -Configuration $configuration -Arguments @('--verify-steps', '2000', '--verify-step-ms', '50', '--invoke-answer-delay-ms', '2000')
    }
    AfterAll { Stop-FakeServer $script:late }

    It 'cancels the server task when stopped <StopAfterMs> ms after the invoke was sent' -ForEach @(
        @{ StopAfterMs = 300 }, @{ StopAfterMs = 1500 }, @{ StopAfterMs = 2600 }
    ) {
        $cancelsBefore = @(Get-FakeCall $late -Function 'cancel-async').Count
        $invokesBefore = @(Get-FakeCall $late -Function 'VerifyStore').Count
        $ps = [PowerShell]::Create()
        $null = $ps.AddScript({
                param($modulePath, $uri, $password)
                Import-Module (Join-Path $modulePath 'MailStoreAdmin.psd1')
                $cred = [pscredential]::new('admin', (ConvertTo-SecureString $password -AsPlainText -Force))
                Connect-MsServer $uri -Credential $cred -AllowUnencryptedAuthentication
                Invoke-MsVerifyStore -Id 1
            }).AddArgument($modulePath).AddArgument($late.Uri).AddArgument($late.Password)
        $null = $ps.BeginInvoke()
        $deadline = [DateTime]::UtcNow.AddSeconds(30)
        while (@(Get-FakeCall $late -Function 'VerifyStore').Count -eq $invokesBefore -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
        Start-Sleep -Milliseconds $StopAfterMs
        $ps.Stop()
        $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        @(Get-FakeCall $late -Function 'cancel-async').Count | Should -Be ($cancelsBefore + 1)
        $ps.Dispose()
    }
}

Describe 'Invoke-MsApi' {
    It 'emits result objects, not the envelope' {
        $stores = Invoke-MsApi GetStores
        $stores.Count | Should -Be 3
        $stores[0].name | Should -Be 'Archive 2024'
        $stores[0].PSObject.Properties.Name | Should -Not -Contain 'statusCode'
    }

    It 'encodes arrays and honours -WhatIf for functions that change the server' {
        Reset-FakeCall $fake
        Invoke-MsApi CreateUser @{ userName = 'bob'; privileges = @('login', 'archive') } -WhatIf
        Get-FakeCall $fake -Function CreateUser | Should -BeNullOrEmpty
        Invoke-MsApi CreateUser @{ userName = 'bob'; privileges = @('login', 'archive') } -Confirm:$false
        (Get-FakeCall $fake -Function CreateUser).Form.privileges | Should -Be 'login,archive'
    }

    It 'refuses unknown arguments before sending' {
        Reset-FakeCall $fake
        Invoke-MsApi GetUserInfo @{ usrName = 'bob' } -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidApiArgument,*'
        Get-FakeCall $fake -Function GetUserInfo | Should -BeNullOrEmpty
    }

    It 'tab-completes function names from the metadata' {
        $completion = TabExpansion2 -inputScript 'Invoke-MsApi VerifySt' -cursorColumn 21
        $completion.CompletionMatches.CompletionText | Should -Contain 'VerifyStore'
    }
}

Describe 'Disconnect-MsServer' {
    It 'leaves no default, and API cmdlets then say how to connect' {
        $extra = Connect-MsServer $fake.Uri -Credential $credential -CertificateThumbprint $fake.Thumbprint -PassThru
        Get-MsConnection | Disconnect-MsServer -Confirm:$false
        Get-MsConnection | Should -BeNullOrEmpty
        { Get-MsUser -ErrorAction Stop } | Should -Throw -ErrorId 'NotConnected,MailStoreAdmin.Commands.MailStore.GetMsUserCommand'
        $script:connection = Connect-MsServer $fake.Uri -Credential $credential -CertificateThumbprint $fake.Thumbprint -PassThru
        $extra.IsClosed | Should -BeTrue
    }
}

Describe 'Remove-Module' {
    It 'closes the connections of the session' {
        $open = Connect-MsServer $fake.Uri -Credential $credential -CertificateThumbprint $fake.Thumbprint -PassThru
        $open.IsClosed | Should -BeFalse
        Remove-Module MailStoreAdmin
        $open.IsClosed | Should -BeTrue
        Import-Module (Join-Path $modulePath 'MailStoreAdmin.psd1') -Force
        Get-MsConnection | Should -BeNullOrEmpty
    }
}
