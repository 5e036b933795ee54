# Stores, search indexes, maintenance, compliance and retention against the fake MailStore process.
BeforeAll {
    . (Join-Path $PSScriptRoot 'FakeServer.ps1')
    $modulePath = if ($env:MAILSTOREADMIN_MODULE) { $env:MAILSTOREADMIN_MODULE } else { Join-Path $PSScriptRoot '../../out/MailStoreAdmin' }
    $configuration = if ($env:MAILSTOREADMIN_CONFIGURATION) { $env:MAILSTOREADMIN_CONFIGURATION } else { 'Release' }
    Import-Module (Join-Path $modulePath 'MailStoreAdmin.psd1') -Force

    $script:fake = Start-FakeMailStore -Configuration $configuration -Arguments @('--maintenance-steps', '4', '--maintenance-step-ms', '40', '--fail-function', 'RepairStoreDatabase')
    $script:credential = [pscredential]::new($fake.UserName, (ConvertTo-SecureString $fake.Password -AsPlainText -Force))
    $script:connection = Connect-MsServer $fake.Uri -Credential $credential -AllowUnencryptedAuthentication -PassThru

    # Runs a script in a runspace of its own (connected to the fake) and returns its streams, to look at progress records.
    function Invoke-Isolated([scriptblock] $Script, [string] $Uri = $fake.Uri) {
        $ps = [PowerShell]::Create()
        $null = $ps.AddScript({
                param($modulePath, $uri, $password)
                Import-Module (Join-Path $modulePath 'MailStoreAdmin.psd1')
                $cred = [pscredential]::new('admin', (ConvertTo-SecureString $password -AsPlainText -Force))
                Connect-MsServer $uri -Credential $cred -AllowUnencryptedAuthentication
            }).AddArgument($modulePath).AddArgument($Uri).AddArgument($fake.Password)
        $null = $ps.AddScript($Script.ToString())
        $output = $ps.Invoke()
        [pscustomobject]@{ Output = $output; Progress = @($ps.Streams.Progress); Information = @($ps.Streams.Information); Errors = @($ps.Streams.Error) }
        $ps.Dispose()
    }
}

AfterAll {
    Get-MsConnection | Disconnect-MsServer -Confirm:$false
    Stop-FakeServer $script:fake
}

Describe 'Store lifecycle' {
    It 'runs the yearly routine: -WhatIf sends no change, then next year is created and last year write-protected' {
        Reset-FakeCall $fake
        $runbook = {
            param([int] $Year, [switch] $WhatIf)
            New-MsStore -Year ($Year + 1) -DatabasePath "E:\Archive\$($Year + 1)" -WhatIf:$WhatIf
            Get-MsStore -Name "Archive $Year" | Set-MsStore -RequestedState WriteProtected -PassThru -WhatIf:$WhatIf
        }
        & $runbook -Year 2026 -WhatIf | Should -BeNullOrEmpty
        Get-FakeCall $fake | Where-Object { $_.Function -in 'CreateStore', 'SetStoreRequestedState' } | Should -BeNullOrEmpty

        $new, $closed = & $runbook -Year 2026 -Confirm:$false
        $new | Should -BeOfType 'MailStoreAdmin.Core.MailStore.Models.MsStore'
        $new.Name | Should -Be 'Archive 2027'
        $new.DatabasePath | Should -Be 'E:\Archive\2027'
        $closed.Name | Should -Be 'Archive 2026'
        $closed.RequestedState | Should -Be 'writeProtected'
    }

    It 'renames, mounts and dismounts stores piped from Get-MsStore' {
        (Get-MsStore -Name 'Archive 2027' | Rename-MsStore -NewName 'Archive 2027 (open)' -PassThru -Confirm:$false).Name | Should -Be 'Archive 2027 (open)'
        $mounted = Mount-MsStore 'Archive 2015' -Type FileSystemInternal -DatabasePath 'F:\Old\2015' -RequestedState WriteProtected -Confirm:$false
        $mounted.RequestedState | Should -Be 'writeProtected'
        $mounted | Dismount-MsStore -Confirm:$false
        Get-MsStore -Name 'Archive 2015' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        (Get-FakeCall $fake -Function DetachStore).Form.id | Should -Be "$($mounted.Id)"
    }

    It 'refuses a state that does not exist, an unknown store and a merge into itself before sending' {
        Reset-FakeCall $fake
        { Set-MsStore 1 -RequestedState Frozen -Confirm:$false } | Should -Throw -ExceptionType ([System.Management.Automation.ParameterBindingException])
        Set-MsStore 77 -RequestedState Disabled -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable missing
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'MailStoreStoreNotFound,*'
        $missing[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        Merge-MsStore 2 2 -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable itself
        $itself[0].FullyQualifiedErrorId | Should -BeLike 'StoreMergeIntoItself,*'
        $itself[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        Get-FakeCall $fake | Where-Object { $_.Function -in 'SetStoreRequestedState', 'MergeStore' } | Should -BeNullOrEmpty
    }

    It 'keeps the passphrase out of the error when the server refuses it' {
        # Built at run time so that the error's position line (which quotes this script) cannot contain it.
        $phrase = 'Wrong-Phrase-' + 31
        $err = $null
        $streams = try { Unlock-MsStore 1 -Passphrase $phrase -Confirm:$false -ErrorAction Stop -Verbose -Debug 4>&1 5>&1 | Out-String } catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty
        $err.Exception.Message | Should -Match 'passphrase is wrong'
        ($err | Out-String) + $err.Exception.Message + $streams | Should -Not -Match $phrase
        (Unlock-MsStore 1 -Passphrase 'Store-Passphrase-1' -PassThru -Confirm:$false).Id | Should -Be 1
    }
}

Describe 'Long-running store and maintenance cmdlets' {
    It '<Command> shows progress that ends Completed and writes the server log to the information stream' -TestCases @(
        @{ Command = 'Invoke-MsStoreCompaction 2 -Confirm:$false'; Function = 'CompactStore' }
        @{ Command = 'Invoke-MsStoreUpgrade -All -Confirm:$false'; Function = 'UpgradeStores' }
        @{ Command = 'New-MsBackup E:\Backup -ExcludeSearchIndexes -Confirm:$false'; Function = 'CreateBackup' }
        @{ Command = 'Invoke-MsIndexRebuild 2 user000001 -Confirm:$false'; Function = 'RebuildStoreIndex' }
        @{ Command = 'Invoke-MsRetentionPolicy -Confirm:$false'; Function = 'ProcessRetentionPolicies' }
        @{ Command = 'Update-MsStoreStatistic -Confirm:$false'; Function = 'RefreshAllStoreStatistics' }
        @{ Command = 'Invoke-MsStoreRecovery 3 -EncryptionKey (ConvertTo-SecureString Key-1 -AsPlainText -Force) -RecoverDeletedMessages -Confirm:$false'; Function = 'RecoverStore' }
        @{ Command = 'Invoke-MsRecoveryRecordRebuild 2 -Confirm:$false'; Function = 'RecreateRecoveryRecords' }
        @{ Command = 'Invoke-MsMasterDatabaseCompaction -Confirm:$false'; Function = 'CompactMasterDatabase' }
        @{ Command = 'Invoke-MsFileSystemMaintenance -Confirm:$false'; Function = 'MaintainFileSystemDatabases' }
        @{ Command = 'Invoke-MsStoreRetryOpen -Confirm:$false'; Function = 'RetryOpenStores' }
        @{ Command = 'Reset-MsMasterKey -Confirm:$false'; Function = 'RenewMasterKey' }
        @{ Command = 'Invoke-MsVerifyStore -All -IncludeIndexes'; Function = 'VerifyStores' }
        @{ Command = 'Get-MsStore -Id 1 | Invoke-MsStoreUpgrade -Confirm:$false'; Function = 'UpgradeStore' }
    ) {
        $run = Invoke-Isolated ([scriptblock]::Create($Command))
        $run.Errors | Should -BeNullOrEmpty
        $result = $run.Output | Where-Object { $_ -is [MailStoreAdmin.Core.MailStore.Models.MsTaskResult] }
        $result.Function | Should -Be $Function
        $result.StatusCode | Should -Be 'succeeded'
        $run.Progress.Count | Should -BeGreaterThan 1
        $run.Progress[-1].RecordType | Should -Be 'Completed'
        @($run.Progress | Where-Object RecordType -eq 'Processing').Count | Should -BeGreaterThan 0
        ($run.Information | Where-Object { $_.Tags -contains 'MailStoreLog' }).Count | Should -Be $result.Log.Count
    }

    It 'turns a failed task into an error record whose progress still ends Completed' {
        $run = Invoke-Isolated { Invoke-MsStoreDatabaseRepair 1 -Confirm:$false }
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'MailStoreApiCallFailed,*'
        $run.Errors[0].Exception.Message | Should -Match 'disk is full'
        $run.Progress[-1].RecordType | Should -Be 'Completed'
    }

    It '<Command> -WhatIf sends nothing' -TestCases @(
        @{ Command = { New-MsStore 'Archive 2099' -WhatIf }; Function = 'CreateStore' }
        @{ Command = { Dismount-MsStore 1 -WhatIf }; Function = 'DetachStore' }
        @{ Command = { Invoke-MsStoreCompaction 1 -WhatIf }; Function = 'CompactStore' }
        @{ Command = { Invoke-MsStoreUpgrade 1 -WhatIf }; Function = 'UpgradeStore' }
        @{ Command = { Invoke-MsStoreRecovery 1 -EncryptionKey 'k' -WhatIf }; Function = 'RecoverStore' }
        @{ Command = { Invoke-MsRecoveryRecordRebuild 1 -WhatIf }; Function = 'RecreateRecoveryRecords' }
        @{ Command = { Merge-MsStore 1 2 -WhatIf }; Function = 'MergeStore' }
        @{ Command = { Invoke-MsVerifyStore -All -WhatIf }; Function = 'VerifyStores' }
        @{ Command = { Invoke-MsIndexRebuild -All -WhatIf }; Function = 'SelectAllStoreIndexesForRebuild' }
        @{ Command = { Invoke-MsIndexRebuild 2 -WhatIf }; Function = 'RebuildStoreIndex' }
        @{ Command = { New-MsBackup E:\Backup -WhatIf }; Function = 'CreateBackup' }
        @{ Command = { Invoke-MsMasterDatabaseCompaction -WhatIf }; Function = 'CompactMasterDatabase' }
        @{ Command = { Invoke-MsFileSystemMaintenance -WhatIf }; Function = 'MaintainFileSystemDatabases' }
        @{ Command = { Invoke-MsStoreRetryOpen -WhatIf }; Function = 'RetryOpenStores' }
        @{ Command = { Reset-MsMasterKey -WhatIf }; Function = 'RenewMasterKey' }
        @{ Command = { Enable-MsLegalHold -WhatIf }; Function = 'SetComplianceConfiguration' }
        @{ Command = { Set-MsStoreAutoCreateConfiguration @{ enabled = $true } -WhatIf }; Function = 'SetStoreAutoCreateConfiguration' }
        @{ Command = { Set-MsRetentionPolicy 'Sales 7 years' -RetentionPeriod 9 -WhatIf }; Function = 'SetRetentionPolicies' }
        @{ Command = { Invoke-MsRetentionPolicy -WhatIf }; Function = 'ProcessRetentionPolicies' }
    ) {
        Reset-FakeCall $fake
        & $Command | Should -BeNullOrEmpty
        Get-FakeCall $fake -Function $Function | Should -BeNullOrEmpty
    }

    It '-WhatIf on Invoke-MsRetentionPolicy names the policies and says the server cannot preview' {
        # The What if line goes to the host, so it is read from a transcript.
        $transcript = Join-Path ([IO.Path]::GetTempPath()) "whatif-$PID.txt"
        Start-Transcript -Path $transcript -UseMinimalHeader | Out-Null
        Invoke-MsRetentionPolicy -WhatIf
        Stop-Transcript | Out-Null
        $content = Get-Content $transcript -Raw
        Remove-Item $transcript
        $content | Should -Match 'cannot preview'
        $content | Should -Match "'Sales 7 years' \(7 years\)"
    }

    It 'merges a store into another and the source store is gone' {
        $source = New-MsStore 'Merge source' -Confirm:$false
        $result = Merge-MsStore -Id 2 -SourceId $source.Id -Confirm:$false
        $result.StatusCode | Should -Be 'succeeded'
        $result.Target | Should -Be 2
        Get-MsStore -Id $source.Id -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'returns a task with -NoWait that Wait-MsTask completes' {
        $task = New-MsBackup E:\Backup -NoWait -Confirm:$false
        $task | Should -BeOfType 'MailStoreAdmin.Core.MailStore.MsTask'
        ($task | Wait-MsTask).StatusCode | Should -Be 'succeeded'
    }
}

Describe 'Ctrl+C on a maintenance task' {
    BeforeAll { $script:slow = Start-FakeMailStore -Configuration $configuration -Arguments @('--maintenance-steps', '2000', '--maintenance-step-ms', '50') }
    AfterAll { Stop-FakeServer $script:slow }

    It 'stopping <Command> sends cancel-async for its task' -TestCases @(
        @{ Command = 'New-MsBackup E:\Backup -Confirm:$false' }
        @{ Command = 'Invoke-MsIndexRebuild -All -Confirm:$false' }
    ) {
        Reset-FakeCall $slow
        $ps = [PowerShell]::Create()
        $null = $ps.AddScript({
                param($modulePath, $uri, $password, $command)
                Import-Module (Join-Path $modulePath 'MailStoreAdmin.psd1')
                Connect-MsServer $uri -Credential ([pscredential]::new('admin', (ConvertTo-SecureString $password -AsPlainText -Force))) -AllowUnencryptedAuthentication
                Invoke-Expression $command
            }).AddArgument($modulePath).AddArgument($slow.Uri).AddArgument($slow.Password).AddArgument($Command)
        $async = $ps.BeginInvoke()
        $deadline = [DateTime]::UtcNow.AddSeconds(30)
        while (-not (Get-FakeCall $slow -Function 'get-status') -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
        $ps.Stop()
        $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        $status = Get-FakeCall $slow -Function 'get-status' | Select-Object -First 1
        (Get-FakeCall $slow -Function 'cancel-async').Form.token | Should -Be $status.Form.token
        $ps.Dispose()
    }
}

Describe 'Read-modify-write keeps what the module does not know' {
    It 'legal hold on and off keeps every other compliance property' {
        $before = Get-MsComplianceConfiguration
        $before.legalHoldEnabled | Should -BeFalse
        $on = Enable-MsLegalHold -PassThru -Confirm:$false
        $on.legalHoldEnabled | Should -BeTrue
        $on.futureSetting.level | Should -Be 2
        ($on.futureSetting.list | ConvertTo-Json -Compress) | Should -Be ($before.futureSetting.list | ConvertTo-Json -Compress)
        $on.auditingEnabled | Should -Be $before.auditingEnabled
        Reset-FakeCall $fake
        Enable-MsLegalHold -Confirm:$false
        Get-FakeCall $fake -Function SetComplianceConfiguration | Should -BeNullOrEmpty
        (Disable-MsLegalHold -PassThru -Confirm:$false).legalHoldEnabled | Should -BeFalse
    }

    It 'Set-MsComplianceConfiguration changes one property and refuses an unknown one before sending' {
        $after = Set-MsComplianceConfiguration @{ LogSuccessfulUserActivities = 'login', 'search' } -PassThru -Confirm:$false
        $after.logSuccessfulUserActivities | Should -Be @('login', 'search')
        $after.futureSetting.level | Should -Be 2
        Reset-FakeCall $fake
        Set-MsComplianceConfiguration @{ legalHold = $true } -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ConfigurationPropertyUnknown,*'
        Get-FakeCall $fake -Function SetComplianceConfiguration | Should -BeNullOrEmpty
    }

    It 'Get-MsStoreAutoCreateConfiguration returns every property with its type name' {
        $configuration = Get-MsStoreAutoCreateConfiguration
        $configuration.PSObject.TypeNames[0] | Should -Be 'MailStoreAdmin.StoreAutoCreateConfiguration'
        $configuration.nameTemplate | Should -Be 'Archive {yyyy}'
        $configuration.futureOption.level | Should -Be 7
    }

    It 'the store auto-create configuration keeps its unknown properties' {
        $after = Set-MsStoreAutoCreateConfiguration @{ enabled = $true } -PassThru -Confirm:$false
        $after.enabled | Should -BeTrue
        $after.futureOption.level | Should -Be 7
        $after.futureOption.tags | Should -Be @('x', 'y')
    }

    It 'Set-MsRetentionPolicy changes one policy and keeps the others and their unknown properties' {
        $policy = Set-MsRetentionPolicy 'Sales 7 years' -RetentionPeriod 8 -PassThru -Confirm:$false
        $policy.RetentionPeriod | Should -Be 8
        $policy.Properties.priority | Should -Be 2
        $all = Get-MsRetentionPolicy
        $all.Name | Should -Be @('Default 10 years', 'Sales 7 years')
        $all[0].Properties.futureField | Should -Be 'kept'
        (Set-MsRetentionPolicy 'Legal 30 days' -RetentionPeriod 30 -RetentionPeriodUnit Days -Folder 'legal/*' -PassThru -Confirm:$false).Folders | Should -Be @('legal/*')
        (Get-MsRetentionPolicy).Count | Should -Be 3
    }

    It 'Get-MsRetentionPolicy renders its table view and reports a missing name' {
        (Get-MsRetentionPolicy 'Default*' | Format-Table | Out-String) | Should -Match 'RetentionPeriodUnit'
        Get-MsRetentionPolicy 'No such policy' -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MailStoreRetentionPolicyNotFound,*'
    }

    It 'refuses a retention period of zero before sending' {
        Reset-FakeCall $fake
        Set-MsRetentionPolicy 'Sales 7 years' -RetentionPeriod 0 -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -BeLike 'RetentionPeriodInvalid,*'
        Get-FakeCall $fake | Should -BeNullOrEmpty
    }
}

Describe 'Search indexes' {
    It 'rebuilds every index of the stores piped from Get-MsStore, after one question per store' {
        Reset-FakeCall $fake
        $results = Get-MsStore -Id 2 | Invoke-MsIndexRebuild -Confirm:$false
        $results.Count | Should -Be 3
        (Get-FakeCall $fake -Function RebuildStoreIndex).Form.id | Should -Be @('2', '2', '2')
        Get-MsStore -Id 999 -ErrorAction SilentlyContinue | Invoke-MsIndexRebuild -Confirm:$false | Should -BeNullOrEmpty
    }

    It 'lists indexes per store and rebuilds those piped from Get-MsStoreIndex' {
        $indexes = Get-MsStore -Id 2 | Get-MsStoreIndex
        $indexes.Count | Should -Be 3
        $indexes[0] | Should -BeOfType 'MailStoreAdmin.Core.MailStore.Models.MsStoreIndex'
        ($indexes | Format-Table | Out-String) | Should -Match 'NeedsRebuild'
        Reset-FakeCall $fake
        $results = $indexes | Select-Object -First 2 | Invoke-MsIndexRebuild -Confirm:$false
        $results.StatusCode | Should -Be @('succeeded', 'succeeded')
        (Get-FakeCall $fake -Function RebuildStoreIndex).Form.folder | Should -Be @('user000001', 'user000002')
    }
}
