BeforeAll {
    . (Join-Path $PSScriptRoot 'FakeServer.ps1')
    $modulePath = if ($env:MAILSTOREADMIN_MODULE) { $env:MAILSTOREADMIN_MODULE } else { Join-Path $PSScriptRoot '../../out/MailStoreAdmin' }
    $configuration = if ($env:MAILSTOREADMIN_CONFIGURATION) { $env:MAILSTOREADMIN_CONFIGURATION } else { 'Release' }
    Import-Module (Join-Path $modulePath 'MailStoreAdmin.psd1') -Force

    $script:fake = Start-FakeMailStore -Configuration $configuration -Arguments @('--tls')
    $script:key = ConvertTo-SecureString 'peer-secret' -AsPlainText -Force
    $script:dbmail = Connect-DbMailApi $fake.DbMailUri -SecurityKey $key -CertificateThumbprint $fake.DbMailThumbprint -PassThru

    function script:Count-Route([string] $Route) { @(Get-FakeDbMailCall $fake $Route).Count }
    function script:Pop3Credential([string] $User, [string] $Password) {
        [pscredential]::new($User, (ConvertTo-SecureString $Password -AsPlainText -Force))
    }
}

AfterAll {
    Get-DbMailConnection | Disconnect-DbMailApi -Confirm:$false
    Stop-FakeServer $script:fake
}

Describe 'Connect-DbMailApi' {
    It 'returns a connection with -PassThru and makes it the default' {
        $dbmail | Should -BeOfType 'MailStoreAdmin.Core.DbMailApi.DbMailApiConnection'
        (Get-DbMailConnection -Default).Id | Should -Be $dbmail.Id
    }

    It 'refuses a plain-text key without repeating it' {
        $err = $null
        try { Connect-DbMailApi $fake.DbMailUri -SecurityKey 'Plain-Key-77' -CertificateThumbprint $fake.DbMailThumbprint } catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty
        # The message (not the echo of the command line the user typed) never repeats the key.
        $err.Exception.Message | Should -Not -Match 'Plain-Key-77'
        $err.Exception.Message | Should -Match 'SecureString'
    }

    It 'reports a wrong key as an authentication error without the key' {
        $wrong = ConvertTo-SecureString 'Wrong-Key-42' -AsPlainText -Force
        $err = $null
        try { Connect-DbMailApi $fake.DbMailUri -SecurityKey $wrong -CertificateThumbprint $fake.DbMailThumbprint } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'DbMailSecurityKeyRejected,*'
        $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
        ($err | Out-String) | Should -Not -Match 'Wrong-Key-42'
    }

    It 'warns about numeric keys, which the server compares loosely' {
        $warnings = $null
        $err = $null
        try { Connect-DbMailApi $fake.DbMailUri -SecurityKey (ConvertTo-SecureString '1e3' -AsPlainText -Force) -CertificateThumbprint $fake.DbMailThumbprint -WarningVariable warnings -WarningAction SilentlyContinue }
        catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'DbMailSecurityKeyRejected,*'
        $warnings | Should -Match 'looks like a number'
    }

    It 'validates the certificate unless it is pinned' {
        { Connect-DbMailApi $fake.DbMailUri -SecurityKey $key -ErrorAction Stop } | Should -Throw -ErrorId 'ServerCertificateRejected,*'
    }

    It 'says when an address is not dbmail-api' {
        { Connect-DbMailApi ($fake.DbMailUri + 'webmail/') -SecurityKey $key -CertificateThumbprint $fake.DbMailThumbprint } |
            Should -Throw -ErrorId 'DbMailEndpointNotFound,*'
    }

    It 'takes the key as a credential' {
        $credential = [pscredential]::new('ignored', $key)
        $other = Connect-DbMailApi $fake.DbMailUri -Credential $credential -CertificateThumbprint $fake.DbMailThumbprint -PassThru
        Disconnect-DbMailApi $other -Confirm:$false
        (Get-DbMailConnection -Default).Id | Should -Be $dbmail.Id
    }
}

Describe 'dbmail users' {
    It 'creates users in bulk from a CSV file' {
        $csv = Join-Path ([IO.Path]::GetTempPath()) "dbmail-users-$PID.csv"
        "UserName,Password`nalice,alice-pw`nbob@other.test,bob-pw`ncarol,carol-pw" | Set-Content $csv
        try { $created = Import-Csv $csv | New-DbMailUser } finally { Remove-Item $csv }
        $created.UserName | Should -Be @('alice', 'bob@other.test', 'carol')
        $created[0] | Should -BeOfType 'MailStoreAdmin.Core.DbMailApi.Models.DbMailUser'
        'alice', 'ALICE', 'nobody' | Test-DbMailUser | Should -Be @($true, $true, $false)
    }

    It 'reports an existing user per item and goes on with the rest, without sending its password' {
        $users = @([pscustomobject]@{ UserName = 'alice'; Password = 'x-pw' }, [pscustomobject]@{ UserName = 'dave'; Password = 'dave-pw' })
        $created = $users | New-DbMailUser -ErrorVariable err -ErrorAction SilentlyContinue
        $created.UserName | Should -Be 'dave'
        $err[0].FullyQualifiedErrorId | Should -BeLike 'DbMailUserExists,*'
        (Get-FakeDbMailCall $fake 'createUser').Form.password | Should -Not -Contain 'x-pw'
    }

    It 'refuses bad input before sending anything' {
        $before = Count-Route 'createUser'
        New-DbMailUser -UserName 'a,b' -Password 'pw' -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'DbMailUserNameHasComma,*'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        New-DbMailUser -UserName 'erin' -Password '0' -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -BeLike 'DbMailValueUnsupported,*'
        Count-Route 'createUser' | Should -Be $before
    }

    It 'sends nothing with -WhatIf' {
        $before = (Get-FakeDbMailCall $fake).Count
        New-DbMailUser -UserName 'frank' -Password 'pw' -WhatIf
        Set-DbMailUserPassword alice 'new-pw' -WhatIf
        Remove-DbMailUser alice -WhatIf
        Clear-DbMailMailbox alice -WhatIf
        $changes = @(Get-FakeDbMailCall $fake | Select-Object -Skip $before | Where-Object Route -NotIn 'isUserPresent', 'listGetMailRules')
        $changes | Should -BeNullOrEmpty
    }

    It 'changes a password and gives one not-found error for unknown users on every cmdlet' {
        Set-DbMailUserPassword alice 'alice-new-pw'
        Count-Route 'changePassword' | Should -Be 1
        Set-DbMailUserPassword nobody 'pw' -ErrorVariable e1 -ErrorAction SilentlyContinue
        Get-DbMailUnreadCount nobody -ErrorVariable e2 -ErrorAction SilentlyContinue
        Get-DbMailFilterRule nobody -ErrorVariable e3 -ErrorAction SilentlyContinue
        Clear-DbMailMailbox nobody -Confirm:$false -ErrorVariable e4 -ErrorAction SilentlyContinue
        foreach ($e in $e1, $e2, $e3, $e4) {
            $e[0].FullyQualifiedErrorId | Should -BeLike 'DbMailUserNotFound,*'
            $e[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        }
    }

    It 'counts unread mail and empties a mailbox' {
        Invoke-FakeDbMail $fake 'deliver?user=carol&count=3' | Out-Null
        (Get-DbMailUnreadCount carol).UnreadCount | Should -Be 3
        Clear-DbMailMailbox carol -Confirm:$false
        (Get-DbMailUnreadCount carol).UnreadCount | Should -Be 0
    }
}

Describe 'dbmail filter rules' {
    It 'builds conditions with a tab-completable helper or hashtables and stores the rule' {
        $line = 'New-DbMailFilterCondition -Field '
        (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Contain 'AnyToOrCc'
        $conditions = @(
            New-DbMailFilterCondition From Is 'boss@example.test'
            @{ Field = 'MessageSize'; Operator = 'GreaterThan'; Value = 10MB }
        )
        $rule = New-DbMailFilterRule alice 'boss' -Condition $conditions -StoreIn 'Boss'
        $rule | Should -BeOfType 'MailStoreAdmin.Core.DbMailApi.Models.DbMailFilterRule'
        $sent = (Get-FakeDbMailCall $fake 'createRule')[-1].Form
        $sent.rules | Should -Match '"value":"10485760"'
        $sent.actions | Should -Be '{"Store in":"Boss"}'
        (Get-DbMailFilterRule alice boss).Summary | Should -Be 'From is "boss@example.test" and Message Size greater than 10485760'
    }

    It 'refuses an injected rule name, an existing name, a bad size and a bad address without sending createRule' {
        $before = Count-Route 'createRule'
        $c = New-DbMailFilterCondition Subject Is 'x'
        New-DbMailFilterRule alice "inj`ndiscard;`n#" -Condition $c -Discard -ErrorAction SilentlyContinue -ErrorVariable e1
        New-DbMailFilterRule alice 'boss' -Condition $c -Discard -ErrorAction SilentlyContinue -ErrorVariable e2
        New-DbMailFilterRule alice 'size' -Condition @{ Field = 'MessageSize'; Operator = 'LessThan'; Value = 0 } -Discard -ErrorAction SilentlyContinue -ErrorVariable e3
        New-DbMailFilterRule alice 'fwd' -Condition $c -MirrorTo 'not-an-address' -ErrorAction SilentlyContinue -ErrorVariable e4
        New-DbMailFilterRule alice 'op' -Condition @{ Field = 'From'; Operator = 'LessThan'; Value = 'x' } -Discard -ErrorAction SilentlyContinue -ErrorVariable e5
        $e1[0].FullyQualifiedErrorId | Should -BeLike 'DbMailFilterRuleNameUnsafe,*'
        $e2[0].FullyQualifiedErrorId | Should -BeLike 'DbMailFilterRuleExists,*'
        $e3[0].FullyQualifiedErrorId | Should -BeLike 'DbMailFilterSizeInvalid,*'
        $e4[0].FullyQualifiedErrorId | Should -BeLike 'DbMailFilterAddressInvalid,*'
        $e5[0].FullyQualifiedErrorId | Should -BeLike 'DbMailFilterOperatorUnknown,*'
        Count-Route 'createRule' | Should -Be $before
    }

    It 'warns that non-ASCII header values can never match' {
        New-DbMailFilterRule alice 'cyrillic' -Condition @{ Field = 'Subject'; Operator = 'Is'; Value = '*тест*' } -MarkRead -WarningVariable w -WarningAction SilentlyContinue | Out-Null
        ($w -join "`n") | Should -Match 'can never match'
    }

    It 'copies every rule of one user to another through the pipeline' {
        Get-DbMailFilterRule alice | New-DbMailFilterRule -UserName 'bob@other.test' -WarningAction SilentlyContinue | Out-Null
        $alice = Get-DbMailFilterRule alice | ForEach-Object { $_.Name + '=' + $_.RulesJson + $_.ActionsJson }
        $bob = Get-DbMailFilterRule 'bob@other.test' | ForEach-Object { $_.Name + '=' + $_.RulesJson + $_.ActionsJson }
        $bob | Should -Be $alice
    }

    It 'removes exactly the named rule although the server deletes by prefix' {
        $c = New-DbMailFilterCondition From Is 'a@example.test'
        'work', 'work2', 'workshop' | ForEach-Object { New-DbMailFilterRule carol $_ -Condition $c -StoreIn $_ | Out-Null }
        Remove-DbMailFilterRule carol work -Confirm:$false -WarningVariable w -WarningAction SilentlyContinue
        (Get-DbMailFilterRule carol).Name | Sort-Object | Should -Be @('work2', 'workshop')
        $w.Count | Should -Be 2
        Remove-DbMailFilterRule carol work -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'DbMailFilterRuleNotFound,*'
    }
}

Describe 'dbmail POP3 fetch rules' {
    It 'creates a rule, keeps the password out of the table, and decodes the status' {
        $rule = New-DbMailFetchRule alice pop.example.test (Pop3Credential 'remote@example.test' 'Pop3-Secret')
        $rule.Status | Should -Be 'NotRunYet'
        $rule.Password | Should -BeOfType 'System.Security.SecureString'
        ($rule | Format-Table | Out-String) | Should -Not -Match 'Pop3-Secret'
        ($rule | Format-List * | Out-String) | Should -Not -Match 'Pop3-Secret'
        Invoke-FakeDbMail $fake "fetchstatus?id=$($rule.Id)&status=2" | Out-Null
        (Get-DbMailFetchRule alice -Id $rule.Id).Status | Should -Be 'WrongPassword'
        (Get-FakeDbMailCall $fake 'addGetMailRule')[-1].Form.delete | Should -Be '0'
    }

    It 'changes a rule from the pipeline and keeps the password' {
        Get-DbMailFetchRule alice | Set-DbMailFetchRule -Server 'pop2.example.test' -DeleteAfterFetch
        $rule = Get-DbMailFetchRule alice
        $rule.Server | Should -Be 'pop2.example.test'
        $rule.DeleteAfterFetch | Should -BeTrue
        [Net.NetworkCredential]::new('', $rule.Password).Password | Should -Be 'Pop3-Secret'
        (Get-FakeDbMailCall $fake 'editGetMailRule')[-1].Form.password | Should -Be ''
    }

    It 'will not touch another user''s rule' {
        $bobs = New-DbMailFetchRule 'bob@other.test' pop.example.test (Pop3Credential 'b@example.test' 'pw')
        Remove-DbMailFetchRule alice $bobs.Id -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'DbMailFetchRuleNotFound,*'
        Get-DbMailFetchRule 'bob@other.test' | Should -Not -BeNullOrEmpty
        Get-DbMailFetchRule 'bob@other.test' | Remove-DbMailFetchRule -Confirm:$false
        Get-DbMailFetchRule 'bob@other.test' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'removes a user together with its fetch rules' {
        Remove-DbMailUser alice -Confirm:$false
        Test-DbMailUser alice | Should -BeFalse
        Get-DbMailFetchRule alice -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'DbMailUserNotFound,*'
    }
}

Describe 'Without a connection' {
    It 'says which cmdlet connects' {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddCommand('Import-Module').AddArgument((Get-Module MailStoreAdmin).Path).AddStatement().AddCommand('Test-DbMailUser').AddArgument('alice')
            $output = $ps.Invoke()
            $output | Should -BeNullOrEmpty
            $ps.Streams.Error[0].FullyQualifiedErrorId | Should -BeLike 'NotConnected,*'
            $ps.Streams.Error[0].ErrorDetails.RecommendedAction | Should -Match "Connect-DbMailApi"
        }
        finally { $ps.Dispose() }
    }
}
