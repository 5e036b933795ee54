# Profiles, worker results, jobs, server settings and Test-MsArchiveHealth against the fake MailStore process.
BeforeAll {
    . (Join-Path $PSScriptRoot 'FakeServer.ps1')
    $modulePath = if ($env:MAILSTOREADMIN_MODULE) { $env:MAILSTOREADMIN_MODULE } else { Join-Path $PSScriptRoot '../../out/MailStoreAdmin' }
    $configuration = if ($env:MAILSTOREADMIN_CONFIGURATION) { $env:MAILSTOREADMIN_CONFIGURATION } else { 'Release' }
    $script:manifest = Join-Path $modulePath 'MailStoreAdmin.psd1'
    Import-Module $manifest -Force

    # At most 8 rows per history call: ranges get split, and the hour with eight retries ten days ago cannot be read.
    $script:fake = Start-FakeMailStore -Configuration $configuration -Arguments @('--tls', '--history-failure-threshold', '8', '--license-users', '46')
    $script:credential = [pscredential]::new($fake.UserName, (ConvertTo-SecureString $fake.Password -AsPlainText -Force))
    $script:connection = Connect-MsServer $fake.Uri -Credential $credential -CertificateThumbprint $fake.Thumbprint -PassThru

    # Runs a sensor script the way a scheduler does (pwsh -File) and returns its output and exit code.
    function Invoke-Sensor {
        param($Fake, [string] $Command)
        $script = Join-Path ([System.IO.Path]::GetTempPath()) ("mailstore-sensor-{0}.ps1" -f [guid]::NewGuid().ToString('N'))
        @"
Import-Module '$manifest'
`$credential = [pscredential]::new('$($Fake.UserName)', (ConvertTo-SecureString '$($Fake.Password)' -AsPlainText -Force))
Connect-MsServer '$($Fake.Uri)' -Credential `$credential -CertificateThumbprint '$($Fake.Thumbprint)'
$Command
exit `$LASTEXITCODE
"@ | Set-Content -Path $script -Encoding UTF8
        try {
            # The host executable of this PowerShell (the process path can be dotnet when pwsh runs as an app).
            $exe = if ($PSVersionTable.PSEdition -ne 'Core') { 'powershell.exe' } elseif ($IsWindows) { 'pwsh.exe' } else { 'pwsh' }
            $pwsh = Join-Path $PSHOME $exe
            $output = & $pwsh -NoProfile -NonInteractive -File $script
            [pscustomobject]@{ Output = @($output); ExitCode = $LASTEXITCODE }
        }
        finally { Remove-Item $script -ErrorAction SilentlyContinue }
    }
}

AfterAll {
    Get-MsConnection | Disconnect-MsServer -Confirm:$false
    Stop-FakeServer $script:fake
}

Describe 'Profiles' {
    It 'lists typed profiles and filters by wildcard' {
        $profiles = Get-MsProfile
        $profiles.Count | Should -Be 5
        $profiles[0] | Should -BeOfType 'MailStoreAdmin.Core.MailStore.Models.MsProfile'
        (Get-MsProfile 'IMAP*').Connector | Should -Be 'Imap'
        (Get-MsProfile -Id 5).ServerSideExecution | Should -BeFalse
        (Get-MsProfile -Id 3).Details.details.host | Should -Be 'imap.example.com'
        Get-MsProfile 'No such profile' -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MailStoreProfileNotFound,*'
    }

    It 'runs a profile from the pipeline and -WhatIf runs nothing' {
        Reset-FakeCall $fake
        Get-MsProfile 'PST import' | Start-MsProfile -WhatIf
        Get-FakeCall $fake 'RunProfile' | Should -BeNullOrEmpty
        $result = Get-MsProfile 'PST import' | Start-MsProfile -Confirm:$false
        $result | Should -BeOfType 'MailStoreAdmin.Core.MailStore.Models.MsTaskResult'
        $result.StatusCode | Should -Be 'succeeded'
        (Get-MsWorkerResult -Last '00:05:00' -ProfileId 5).Result | Should -Be 'succeeded'
    }

    It 'refuses an unknown profile before running anything' {
        Reset-FakeCall $fake
        Start-MsProfile -Id 404 -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MailStoreProfileNotFound,*'
        Get-FakeCall $fake 'RunProfile' | Should -BeNullOrEmpty
    }

    It 'changes server-side execution and keeps the values not given' {
        $changed = Set-MsProfile -Id 3 -ServerSideExecution @{ automatic = $false } -PassThru -Confirm:$false
        $changed.ServerSideExecution | Should -BeFalse
        $changed.PauseBetweenExecutions | Should -Be 1440
        Set-MsProfile -Id 3 -ServerSideExecution @{ automatic = $true } -Confirm:$false
        (Get-MsProfile -Id 3).ServerSideExecution | Should -BeTrue
    }

    It 'creates, runs temporarily and removes a profile' {
        $new = New-MsProfile -Properties @{ name = 'Pester IMAP'; connector = 'Imap' } -Confirm:$false
        $new.Name | Should -Be 'Pester IMAP'
        (Start-MsTemporaryProfile -Properties '{"name":"once","connector":"Imap"}' -Confirm:$false).StatusCode | Should -Be 'succeeded'
        $new | Remove-MsProfile -Confirm:$false
        Get-MsProfile -Id $new.Id -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}

Describe 'Worker results' {
    It 'reads the last 24 hours as typed rows with local DateTimes' {
        $rows = Get-MsWorkerResult
        $rows.Count | Should -BeGreaterThan 24
        $rows[0].StartTime | Should -BeOfType [datetime]
        $rows[0].StartTime.Kind | Should -Be 'Local'
        ($rows | Where-Object StartTime -lt (Get-Date).AddHours(-24).AddMinutes(-1)) | Should -BeNullOrEmpty
    }

    It 'splits a range the server fails and reports only the hour that still fails' {
        $from = (Get-Date).Date.AddDays(-11)
        $rows = Get-MsWorkerResult -From $from -To $from.AddDays(2) -ErrorAction SilentlyContinue -ErrorVariable err
        $failed = @($err | Where-Object { $_.FullyQualifiedErrorId -like 'HistoryWindowFailed,*' })
        $failed.Count | Should -Be 1
        $rows.Count | Should -BeGreaterThan 40
        ($rows.Id | Select-Object -Unique).Count | Should -Be $rows.Count
        $sorted = $rows | Sort-Object StartTime, Id
        ($sorted.Id -join ',') | Should -Be ($rows.Id -join ',')
    }

    It 'refuses From after To before sending and binds ProfileId from Get-MsProfile' {
        Reset-FakeCall $fake
        Get-MsWorkerResult -From (Get-Date) -To (Get-Date).AddDays(-1) -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -BeLike 'TimeRangeInvalid,*'
        Get-FakeCall $fake 'GetWorkerResults' | Should -BeNullOrEmpty
        $rows = Get-MsProfile 'Microsoft 365 journal' | Get-MsWorkerResult
        $rows.ProfileId | Select-Object -Unique | Should -Be 2
        (Get-FakeCall $fake 'GetWorkerResults')[0].Form.timeZoneID | Should -Be 'UTC'
    }

    It 'gets the report of a run from the pipeline' {
        $report = Get-MsWorkerResult -ProfileId 1 | Select-Object -First 1 | Get-MsWorkerResultReport
        $report.report | Should -Match 'messages archived'
        $report.PSObject.TypeNames[0] | Should -Be 'MailStoreAdmin.WorkerResultReport'
    }
}

Describe 'Jobs' {
    It 'lists jobs with typed schedules' {
        $jobs = Get-MsJob
        ($jobs | Where-Object Id -eq 2).Schedule.DayOfWeek | Should -Be 'Sunday'
        ($jobs | Where-Object Id -eq 3).Schedule.Kind | Should -Be 'Interval'
        (Get-MsJob 'Nightly*').Action | Should -Be 'CreateBackup'
    }

    It 'creates a job with a typed schedule and refuses an interval the server does not allow' {
        $job = New-MsJob -Name 'Pester verify' -Action VerifyStore -Weekly -DayOfWeek Saturday -At 03:30 -Confirm:$false
        $job.Schedule.Kind | Should -Be 'Weekly'
        $job.Schedule.Time | Should -Be ([timespan]'03:30')
        Reset-FakeCall $fake
        New-MsJob -Name 'Bad' -Action VerifyStore -Every 7 -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -BeLike 'JobScheduleInvalid,*'
        Get-FakeCall $fake 'CreateJob' | Should -BeNullOrEmpty
        $script:pesterJob = $job
    }

    It 'renames, reschedules, disables and enables a job' {
        $changed = $pesterJob | Set-MsJob -NewName 'Pester verify 2' -Daily -At 05:00 -Enabled:$false -PassThru -Confirm:$false
        $changed.Name | Should -Be 'Pester verify 2'
        $changed.Schedule.Kind | Should -Be 'Daily'
        $changed.Enabled | Should -BeFalse
        ($pesterJob | Enable-MsJob -PassThru -Confirm:$false).Enabled | Should -BeTrue
        ($pesterJob | Disable-MsJob -PassThru -Confirm:$false).Enabled | Should -BeFalse
    }

    It 'starts a job, waits for its result, stops and removes jobs' {
        $result = Get-MsJob 'Nightly backup' | Start-MsJob -Wait -Confirm:$false
        $result | Should -BeOfType 'MailStoreAdmin.Core.MailStore.Models.MsJobResult'
        $result.Result | Should -Be 'succeeded'
        Stop-MsJob -Id 1 -Confirm:$false
        (Get-FakeCall $fake 'CancelJobAsync').Count | Should -Be 1
        $pesterJob | Remove-MsJob -Confirm:$false
        Get-MsJob -Id $pesterJob.Id -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MailStoreJobNotFound,*'
    }

    It 'reads job results, also from a job in the pipeline' {
        $results = Get-MsJobResult -Last (New-TimeSpan -Days 15)
        ($results | Where-Object JobId -eq 1).Count | Should -BeGreaterOrEqual 14
        (Get-MsJob -Id 2 | Get-MsJobResult -Last (New-TimeSpan -Days 8)).Result | Should -Contain 'failed'
    }
}

Describe 'Server settings' {
    It 'reads the licence, sessions, service configuration and time zones' {
        $license = Get-MsLicense
        $license.UsedPercent | Should -Be 92
        (Get-MsActiveSession).userName | Should -Contain 'admin'
        (Get-MsServiceConfiguration).serverCertificate.thumbprint | Should -Not -BeNullOrEmpty
        (Get-MsTimeZone).id | Should -Contain 'UTC'
    }

    It 'sets SMTP settings keeping the others and keeps the password out of verbose output' {
        $verbose = Set-MsSmtpSetting -Setting @{ port = 465 } -Password 'Pester-Smtp-S3cret' -PassThru -Confirm:$false -Verbose 4>&1
        $settings = $verbose | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
        $settings.port | Should -Be 465
        $settings.host | Should -Be 'smtp.example.com'
        ($verbose | Out-String) | Should -Not -Match 'Pester-Smtp-S3cret'
        (Get-MsSmtpSetting).port | Should -Be 465
        (Test-MsSmtpSetting).StatusCode | Should -Be 'succeeded'
    }

    It 'sends a status report and refuses a recipient that is not an address' {
        Send-MsStatusReport -Period Yesterday -Recipient 'admin@example.com' -Confirm:$false
        (Get-FakeCall $fake 'SendStatusReport')[-1].Form.timespan | Should -Be 'yesterday'
        Send-MsStatusReport -Period Today -Recipient 'nobody' -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -BeLike 'StatusReportRecipientInvalid,*'
    }
}

Describe 'Test-MsArchiveHealth' {
    It 'writes one object per check with the states the history holds' {
        $checks = Test-MsArchiveHealth -MinimumVersion 26.1
        $checks[0] | Should -BeOfType 'MailStoreAdmin.Core.Monitoring.MsHealthCheck'
        ($checks | Where-Object Name -eq 'Microsoft 365 journal').Status | Should -Be 'Critical'
        ($checks | Where-Object Name -eq 'Exchange mailboxes').Status | Should -Be 'OK'
        ($checks | Where-Object Name -eq 'Gmail sales').Message | Should -Match '^overdue'
        ($checks | Where-Object Category -eq 'License').Status | Should -Be 'Warning'
        ($checks | Where-Object Category -eq 'Version').Status | Should -Be 'Warning'
    }

    It 'is a PRTG sensor' {
        $json = Test-MsArchiveHealth -As Prtg | ConvertFrom-Json
        $json.prtg.result.Count | Should -BeGreaterThan 5
        $json.prtg.result[0].channel | Should -Not -BeNullOrEmpty
        ($json.prtg.result | Where-Object channel -eq 'License named users license_used').limitmaxwarning | Should -Be 90
        $json.prtg.text | Should -Match 'critical'
    }

    It 'is a Checkmk local check' {
        $lines = Test-MsArchiveHealth -As CheckMk -Check Profile, License
        $lines | ForEach-Object { $_ | Should -Match '^[0-3] "MailStore [^"]+" (-|\S+=\S+) .+$' }
        $lines | Should -Contain ($lines | Where-Object { $_ -like '2 "MailStore Profile Gmail sales"*' })
    }

    It 'sets $LASTEXITCODE with -As Nagios' {
        $line = Test-MsArchiveHealth -As Nagios -Check License
        $line | Should -Match '^MAILSTORE WARNING - .* \| .*license_used.*=92%;90;100;0;100'
        $LASTEXITCODE | Should -Be 1
    }

    It 'exits with the Nagios code <Code> from a child pwsh -File' -ForEach @(
        @{ Code = 0; State = 'OK'; Command = "Test-MsArchiveHealth -As Nagios -Check Profile -Profile 'Exchange mailboxes'" }
        @{ Code = 1; State = 'WARNING'; Command = 'Test-MsArchiveHealth -As Nagios -Check License' }
        @{ Code = 2; State = 'CRITICAL'; Command = 'Test-MsArchiveHealth -As Nagios' }
        @{ Code = 3; State = 'UNKNOWN'; Command = "Test-MsArchiveHealth -As Nagios -Check Profile -Profile 'No such profile'" }
    ) {
        $run = Invoke-Sensor $fake $Command
        $run.ExitCode | Should -Be $Code
        $run.Output[0] | Should -Match "^MAILSTORE $State - "
    }

    It 'finishes within -TimeoutSec when the server hangs and reports UNKNOWN' {
        $hung = Start-FakeMailStore -Configuration $configuration -Arguments @('--tls', '--hang', 'GetProfiles', '--hang', 'GetJobs')
        try {
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $run = Invoke-Sensor $hung 'Test-MsArchiveHealth -As Nagios -Check Profile, Job -TimeoutSec 3'
            $watch.Stop()
            $run.ExitCode | Should -Be 3
            $run.Output[0] | Should -Match '^MAILSTORE UNKNOWN - .*did not answer within 3 s'
            # Generous bound: a child PowerShell start on a loaded machine plus the 3-second budget.
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 60
        }
        finally { Stop-FakeServer $hung }
    }
}
