BeforeAll {
    $modulePath = if ($env:MAILSTOREADMIN_MODULE) { $env:MAILSTOREADMIN_MODULE } else { Join-Path $PSScriptRoot '../../out/MailStoreAdmin' }
    $configuration = if ($env:MAILSTOREADMIN_CONFIGURATION) { $env:MAILSTOREADMIN_CONFIGURATION } else { 'Release' }
    Import-Module (Join-Path $modulePath 'MailStoreAdmin.psd1') -Force

    $script:caller = [pscredential]::new('mailstore', (ConvertTo-SecureString 'Caller-Pw-1' -AsPlainText -Force))

    # What MailStore sends: a form POST with HTTP Basic.
    function script:Invoke-Ai {
        param([Uri] $Url, [hashtable] $Form, [pscredential] $As = $script:caller)
        $client = [System.Net.Http.HttpClient]::new()
        try {
            if ($As) {
                $token = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($As.UserName + ':' + $As.GetNetworkCredential().Password))
                $client.DefaultRequestHeaders.Authorization = [System.Net.Http.Headers.AuthenticationHeaderValue]::new('Basic', $token)
            }
            $pairs = [System.Collections.Generic.List[System.Collections.Generic.KeyValuePair[string, string]]]::new()
            foreach ($k in $Form.Keys) { $pairs.Add([System.Collections.Generic.KeyValuePair[string, string]]::new($k, $Form[$k])) }
            $response = $client.PostAsync($Url, [System.Net.Http.FormUrlEncodedContent]::new($pairs)).GetAwaiter().GetResult()
            [pscustomobject]@{ Status = [int]$response.StatusCode; Body = $response.Content.ReadAsStringAsync().GetAwaiter().GetResult() }
        }
        finally { $client.Dispose() }
    }

    $script:listScript = {
        [pscustomobject]@{ UserName = 'jane'; FullName = 'Jane Doe'; EmailAddresses = @('jane@example.test', 'j@example.test') }
        'john'
    }
    $script:authScript = { param($Credential) $Credential.UserName -eq 'jane' -and $Credential.GetNetworkCredential().Password -eq $Secret }
}

AfterAll {
    Stop-MsIntegrationServer -Confirm:$false
}

Describe 'Start-MsIntegrationServer with scripts' {
    BeforeAll {
        $script:log = Join-Path ([IO.Path]::GetTempPath()) "ai-$PID.log"
        $script:server = Start-MsIntegrationServer -ListScript $listScript -AuthScript $authScript -ScriptVariable @{ Secret = 'Jane-Secret-7' } `
            -Credential $caller -ListenAddress 127.0.0.1 -Port 0 -LogPath $log -PassThru -WarningAction SilentlyContinue
    }
    AfterAll { Remove-Item $log -ErrorAction SilentlyContinue }

    It 'runs in the background and lists the users the script returns' {
        $server | Should -BeOfType 'MailStoreAdmin.Core.Integration.Hosting.MsIntegrationServer'
        (Get-MsIntegrationServer).Id | Should -Contain $server.Id
        $answer = Invoke-Ai $server.Url @{ cmd = 'list' }
        $answer.Status | Should -Be 200
        $users = $answer.Body | ConvertFrom-Json
        $users.userName | Should -Be @('jane', 'john')
        $users[0].emailAddresses | Should -Be @('jane@example.test', 'j@example.test')
        $users[0].fullName | Should -Be 'Jane Doe'
    }

    It 'authenticates through the auth script, with variables from -ScriptVariable' {
        (Invoke-Ai $server.Url @{ cmd = 'auth'; user = 'jane'; pass = 'Jane-Secret-7' }).Body | Should -Be '{"succeeded":true}'
        (Invoke-Ai $server.Url @{ cmd = 'auth'; user = 'jane'; pass = 'wrong' }).Body | Should -Be '{"succeeded":false}'
    }

    It 'refuses callers without the credential and unknown commands' {
        (Invoke-Ai $server.Url @{ cmd = 'list' } -As $null).Status | Should -Be 401
        $wrong = [pscredential]::new('mailstore', (ConvertTo-SecureString 'nope' -AsPlainText -Force))
        (Invoke-Ai $server.Url @{ cmd = 'list' } -As $wrong).Status | Should -Be 401
        (Invoke-Ai $server.Url @{ cmd = 'drop' }).Status | Should -Be 400
    }

    It 'logs every request to the file and the recent log, never a password' {
        $server.RequestsServed | Should -BeGreaterThan 4
        $text = Get-Content $log -Raw
        $text | Should -Match 'cmd=auth'
        $text | Should -Match 'jane'
        $text | Should -Not -Match 'Jane-Secret-7'
        $text | Should -Not -Match 'Caller-Pw-1'
        ($server.RecentLog -join "`n") | Should -Not -Match 'Jane-Secret-7'
    }

    It 'stops with Stop-MsIntegrationServer' {
        $server | Stop-MsIntegrationServer -Confirm:$false
        $server.IsRunning | Should -BeFalse
        (Get-MsIntegrationServer).Id | Should -Not -Contain $server.Id
    }
}

Describe 'Script source failures' {
    It 'answers 500, never an empty list, when the list script fails' {
        $flag = Join-Path ([IO.Path]::GetTempPath()) "ai-fail-$PID"
        $server = Start-MsIntegrationServer -ListScript { if (Test-Path $Flag) { throw 'directory down' }; 'jane' } -AuthScript { $false } `
            -ScriptVariable @{ Flag = $flag } -Credential $caller -ListenAddress 127.0.0.1 -Port 0 -PassThru -WarningAction SilentlyContinue
        try {
            New-Item $flag -ItemType File | Out-Null
            $answer = Invoke-Ai $server.Url @{ cmd = 'list' }
            $answer.Status | Should -Be 500
            $answer.Body | Should -Not -Match '^\['
        }
        finally { Remove-Item $flag -ErrorAction SilentlyContinue; $server | Stop-MsIntegrationServer -Confirm:$false }
    }

    It 'refuses to start when the source lists nobody' {
        { Start-MsIntegrationServer -ListScript { } -AuthScript { $false } -Credential $caller -ListenAddress 127.0.0.1 -Port 0 -PassThru } |
            Should -Throw -ErrorId 'IntegrationScriptListEmpty,*'
        Get-MsIntegrationServer | Should -BeNullOrEmpty
    }

    It 'needs a caller credential or -AllowAnonymous' {
        { Start-MsIntegrationServer -ListScript $listScript -AuthScript $authScript -Port 0 -PassThru } | Should -Throw -ErrorId 'IntegrationServerNoCallerCredential,*'
    }

    It 'starts nothing with -WhatIf' {
        Start-MsIntegrationServer -ListScript $listScript -AuthScript $authScript -Credential $caller -Port 0 -PassThru -WhatIf | Should -BeNullOrEmpty
        Get-MsIntegrationServer | Should -BeNullOrEmpty
    }
}

Describe 'User file source' {
    It 'serves a CSV file with hashed passwords' {
        $file = Join-Path ([IO.Path]::GetTempPath()) "ai-users-$PID.csv"
        $hash = ConvertTo-MsPasswordHash 'File-Pw-3'
        $hash | Should -Match '^\$6\$'
        "userName,fullName,emailAddresses,passwordHash`nmax,Max M,max@example.test;mm@example.test,$hash" | Set-Content $file
        $server = Start-MsIntegrationServer -UserFile $file -Credential $caller -ListenAddress 127.0.0.1 -Port 0 -PassThru -WarningAction SilentlyContinue
        try {
            ((Invoke-Ai $server.Url @{ cmd = 'list' }).Body | ConvertFrom-Json).emailAddresses | Should -Be @('max@example.test', 'mm@example.test')
            (Invoke-Ai $server.Url @{ cmd = 'auth'; user = 'MAX'; pass = 'File-Pw-3' }).Body | Should -Be '{"succeeded":true}'
        }
        finally { $server | Stop-MsIntegrationServer -Confirm:$false; Remove-Item $file }
    }
}

Describe 'Foreground mode' {
    It 'serves until the pipeline is stopped (Ctrl+C), then closes the port' {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddCommand('Import-Module').AddArgument((Get-Module MailStoreAdmin).Path).AddStatement().
                AddCommand('Start-MsIntegrationServer').AddParameters(@{ ListScript = $listScript; AuthScript = $authScript; AllowAnonymous = $true
                    ListenAddress = [Net.IPAddress]::Loopback; Port = 0; WarningAction = 'SilentlyContinue' })
            $async = $ps.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(30)
            while (-not (Get-MsIntegrationServer) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
            $server = Get-MsIntegrationServer | Select-Object -First 1
            (Invoke-Ai $server.Url @{ cmd = 'list' } -As $null).Status | Should -Be 200
            $ps.Stop()
            $server.IsRunning | Should -BeFalse
            Get-MsIntegrationServer | Should -BeNullOrEmpty
        }
        finally { $ps.Dispose() }
    }
}

Describe 'dbmail database source' {
    BeforeDiscovery {
        $support = Join-Path $PSScriptRoot '../MailStoreAdmin.DbMailDatabase.Tests/bin/Release/net10.0/MailStoreAdmin.DbMailDatabase.TestSupport.dll'
        $script:canRunPostgreSql = $PSVersionTable.PSVersion -ge [version]'7.6' -and (Test-Path $support) -and (Test-Path '/usr/lib/postgresql')
    }
    BeforeAll {
        if (-not $canRunPostgreSql) { return }
        $bin = Join-Path $PSScriptRoot '../MailStoreAdmin.DbMailDatabase.Tests/bin/Release/net10.0'
        foreach ($dll in 'Microsoft.Extensions.Logging.Abstractions', 'Microsoft.Extensions.DependencyInjection.Abstractions', 'Npgsql', 'MailStoreAdmin.DbMailDatabase.TestSupport') {
            Add-Type -Path (Join-Path $bin "$dll.dll")
        }
        $script:cluster = [MailStoreAdmin.DbMailDatabase.TestSupport.PostgreSqlCluster]::Start()
        $admin = $cluster.CreateDatabaseAsync('pester').GetAwaiter().GetResult()
        [MailStoreAdmin.DbMailDatabase.TestSupport.DbMailPostgreSqlSchema]::CreateAsync($admin, 'dbmail_', $false).GetAwaiter().GetResult()
        $seeder = [MailStoreAdmin.DbMailDatabase.TestSupport.DbMailSeeder]::new($admin, 'dbmail_', $false)
        $id = $seeder.AddUserAsync('alice', '13d249f2cb4127b40cfa757866850278793f814ded3c587fe5889e889a7a9f6c', 'sha256', $true, '').GetAwaiter().GetResult()
        $seeder.AddAliasAsync('alice@example.test', [long]$id).GetAwaiter().GetResult()
        # The connection string without its login, which goes in -DbMailCredential.
        $builder = [System.Data.Common.DbConnectionStringBuilder]::new()
        $builder.ConnectionString = $admin
        $script:dbLogin = [pscredential]::new('postgres', (ConvertTo-SecureString $cluster.Password -AsPlainText -Force))
        foreach ($key in @($builder.Keys)) { if ($key -match '^(user ?name|user id|password)$') { $null = $builder.Remove($key) } }
        $script:dbConnection = $builder.ConnectionString
    }
    AfterAll { if ($script:cluster) { $cluster.Dispose() } }

    It 'lists dbmail users with their aliases and checks their dbmail passwords (PowerShell 7)' -Skip:(-not $canRunPostgreSql) {
        $server = Start-MsIntegrationServer -DbMailConnectionString $dbConnection -DbMailCredential $dbLogin -Credential $caller `
            -ListenAddress 127.0.0.1 -Port 0 -PassThru -WarningAction SilentlyContinue
        try {
            $users = (Invoke-Ai $server.Url @{ cmd = 'list' }).Body | ConvertFrom-Json
            $users.userName | Should -Be @('alice')
            $users[0].emailAddresses | Should -Be @('alice@example.test')
            (Invoke-Ai $server.Url @{ cmd = 'auth'; user = 'alice'; pass = 'testpass' }).Body | Should -Be '{"succeeded":true}'
            (Invoke-Ai $server.Url @{ cmd = 'auth'; user = 'alice'; pass = 'nope' }).Body | Should -Be '{"succeeded":false}'
            $server.Source | Should -Not -Match $cluster.Password
        }
        finally { $server | Stop-MsIntegrationServer -Confirm:$false }
    }

    It 'fails at start with a database error that hides the password' -Skip:(-not $canRunPostgreSql) {
        $bad = [pscredential]::new('postgres', (ConvertTo-SecureString 'Wrong-Db-Pw' -AsPlainText -Force))
        $err = $null
        try { Start-MsIntegrationServer -DbMailConnectionString $dbConnection -DbMailCredential $bad -Credential $caller -Port 0 -PassThru } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'DbMailDatabaseError,*'
        ($err | Out-String) | Should -Not -Match 'Wrong-Db-Pw'
    }
}
