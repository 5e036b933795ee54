# Users, privileges, folders and folder access against the fake MailStore process.
BeforeAll {
    . (Join-Path $PSScriptRoot 'FakeServer.ps1')
    $modulePath = if ($env:MAILSTOREADMIN_MODULE) { $env:MAILSTOREADMIN_MODULE } else { Join-Path $PSScriptRoot '../../out/MailStoreAdmin' }
    $configuration = if ($env:MAILSTOREADMIN_CONFIGURATION) { $env:MAILSTOREADMIN_CONFIGURATION } else { 'Release' }
    Import-Module (Join-Path $modulePath 'MailStoreAdmin.psd1') -Force

    $script:fake = Start-FakeMailStore -Configuration $configuration -Arguments @('--tls', '--users', '20', '--verify-steps', '2', '--verify-step-ms', '20')
    $script:credential = [pscredential]::new($fake.UserName, (ConvertTo-SecureString $fake.Password -AsPlainText -Force))
    $script:connection = Connect-MsServer $fake.Uri -Credential $credential -CertificateThumbprint $fake.Thumbprint -PassThru
    $script:work = Join-Path ([IO.Path]::GetTempPath()) ("mailstoreadmin-users-" + [guid]::NewGuid().ToString('N'))
    New-Item -ItemType Directory $work | Out-Null
    function Complete([string] $line) { (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText }
}

AfterAll {
    Get-MsConnection | Disconnect-MsServer -Confirm:$false
    Stop-FakeServer $script:fake
    Remove-Item $script:work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'New-MsUser' {
    It 'creates users from a CSV file: columns bind by name, list cells split' {
        @'
Name,FullName,EmailAddress,Privilege,LoginPrivilege
alice,Alice Archer,alice@example.com;a.archer@example.com,Login;ChangePassword,Web
bob,Bob Baker,bob@example.com,Login,Web;Outlook
'@ | Set-Content (Join-Path $work 'users.csv')
        Reset-FakeCall $fake
        $users = Import-Csv (Join-Path $work 'users.csv') | New-MsUser -PassThru -Confirm:$false
        $users.UserName | Should -Be @('alice', 'bob')
        $users[0] | Should -BeOfType 'MailStoreAdmin.Core.MailStore.Models.MsUser'
        $users[0].EmailAddresses | Should -Be @('alice@example.com', 'a.archer@example.com')
        $users[1].LoginPrivileges | Should -Be @('web', 'outlook')
        (Get-FakeCall $fake -Function CreateUser).Form.privileges | Should -Be @('login,changePassword', 'login')
        @(Get-FakeCall $fake -Function SetUserEmailAddresses).Count | Should -Be 2
    }

    It 'binds objects shaped like Get-MsUser output (UserName, EmailAddresses, Privileges, LoginPrivileges)' {
        $copy = Get-MsUser alice | Select-Object @{ n = 'UserName'; e = { 'alice.copy' } }, FullName, Authentication, Privileges, LoginPrivileges,
            @{ n = 'EmailAddresses'; e = { @('alice.copy@example.com') } } | New-MsUser -PassThru -Confirm:$false
        $copy.UserName | Should -Be 'alice.copy'
        $copy.FullName | Should -Be 'Alice Archer'
        $copy.Privileges | Should -Be @('login', 'changePassword')
        $copy.EmailAddresses | Should -Be @('alice.copy@example.com')
    }

    It 'sends nothing under -WhatIf' {
        Reset-FakeCall $fake
        New-MsUser carol -EmailAddress carol@example.com -WhatIf
        Get-FakeCall $fake | Where-Object Function -ne 'GetUserInfo' | Where-Object Path -like '/api/invoke/*' | Should -BeNullOrEmpty
        Get-MsUser carol -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'refuses a plain-text Password column with a hint, and never shows the password' {
        'Name,Password', 'dave,Plain-Text-Pw1' | Set-Content (Join-Path $work 'pw.csv')
        Reset-FakeCall $fake
        Import-Csv (Join-Path $work 'pw.csv') | New-MsUser -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
        $err | Should -Not -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentTransformationError,*'
        "$($err[0])" | Should -Match 'SecureString'
        "$($err[0])" | Should -Not -Match 'Plain-Text-Pw1'
        Get-FakeCall $fake -Function CreateUser | Should -BeNullOrEmpty
    }

    It 'takes a SecureString password and keeps it out of verbose and debug output' {
        $password = ConvertTo-SecureString 'Secure-Pw-2' -AsPlainText -Force
        $DebugPreference = 'Continue'
        $output = New-MsUser erin -Password $password -Confirm:$false -Verbose 4>&1 5>&1 | Out-String
        $DebugPreference = 'SilentlyContinue'
        $output | Should -Match 'CreateUser'
        $output | Should -Not -Match 'Secure-Pw-2'
        (Get-FakeCall $fake -Function CreateUser | Select-Object -Last 1).Form.password | Should -Be 'Secure-Pw-2'
    }

    It 'refuses bad input before sending: address, privilege combination, unknown privilege' {
        Reset-FakeCall $fake
        New-MsUser frank -EmailAddress 'not an address' -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err1
        $err1[0].FullyQualifiedErrorId | Should -BeLike 'InvalidEmailAddress,*'
        $err1[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        New-MsUser frank -Privilege Admin, Login -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err2
        $err2[0].FullyQualifiedErrorId | Should -BeLike 'InvalidUserPrivilege,*'
        { New-MsUser frank -Privilege Superuser -Confirm:$false -ErrorAction Stop } | Should -Throw '*None, Admin, Login, ChangePassword*'
        Get-FakeCall $fake | Where-Object Path -like '/api/invoke/*' | Should -BeNullOrEmpty
    }

    It 'says which properties were set when a later call fails' {
        New-MsUser gina -FullName Gina -EmailAddress alice@example.com -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MailStoreUserPartiallyChanged,*'
        "$($err[0])" | Should -Match 'Privilege, FullName done.*EmailAddress not set'
        (Get-MsUser gina).UserName | Should -Be 'gina'
    }
}

Describe 'Set-MsUser and the other user cmdlets' {
    It 'sends only the given properties that differ, and adds addresses to the current list' {
        Reset-FakeCall $fake
        $user = Set-MsUser alice -FullName 'Alice Archer' -AddEmailAddress alice@example.org -PassThru -Confirm:$false
        $user.EmailAddresses | Should -Contain 'alice@example.org'
        (Get-FakeCall $fake | Where-Object Path -like '/api/invoke/Set*').Function | Should -Be @('SetUserEmailAddresses')
    }

    It 'binds piped Get-MsUser output and reports a missing user as MailStoreUserNotFound' {
        Get-MsUser bob | Set-MsUser -DistinguishedName 'CN=Bob,DC=example,DC=com' -Confirm:$false
        (Get-MsUser bob).DistinguishedName | Should -Be 'CN=Bob,DC=example,DC=com'
        Set-MsUser nobody -FullName X -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MailStoreUserNotFound,*'
    }

    It 'changes privileges by add, remove and replace' {
        (Set-MsUserPrivilege bob -Add Archive, Export -PassThru -Confirm:$false).Privileges | Should -Be @('login', 'archive', 'export')
        (Set-MsUserPrivilege bob -Remove Login -PassThru -Confirm:$false).Privileges | Should -Be @('archive', 'export')
        (Set-MsUserPrivilege bob Admin -PassThru -Confirm:$false).Privileges | Should -Be @('admin')
    }

    It 'sets a password, resets MFA and app passwords, and initializes MFA' {
        Reset-FakeCall $fake
        Set-MsUserPassword bob -Password (ConvertTo-SecureString 'New-Pw-3' -AsPlainText -Force) -Confirm:$false
        Get-MsUser bob | Reset-MsUserMfa -Confirm:$false
        Remove-MsUserAppPassword bob -Confirm:$false
        Initialize-MsUserMfa bob -Confirm:$false
        (Get-FakeCall $fake | Where-Object Path -like '/api/invoke/*' | Where-Object Function -ne 'GetUserInfo').Function |
            Should -Be @('SetUserPassword', 'DisableMFA', 'DeleteAppPasswords', 'InitializeMFA')
        { Set-MsUserPassword bob -Password 'plain' -Confirm:$false -ErrorAction Stop } | Should -Throw '*SecureString*'
    }

    It 'renames a user and removes one, whose archive folder stays' {
        (Rename-MsUser erin erin.e -PassThru -Confirm:$false).UserName | Should -Be 'erin.e'
        Rename-MsUser alice bob -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MailStoreUserExists,*'
        Remove-MsUser erin.e -WhatIf
        (Get-MsUser erin.e).UserName | Should -Be 'erin.e'
        Remove-MsUser erin.e -Confirm:$false
        Get-MsUser erin.e -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        (Get-MsFolder -Filter 'erin').Path | Should -Be 'erin'
    }
}

Describe 'Folders' {
    It 'lists user archives, one archive recursively, and filters by path' {
        (Get-MsFolder | Where-Object Path -like 'user*').Count | Should -Be 20
        $folders = Get-MsFolder user000003 -Recurse
        $folders.Path | Should -Be @('user000003/Inbox', 'user000003/Sent Items', 'user000003/Inbox/Projects')
        $folders[0] | Should -BeOfType 'MailStoreAdmin.Core.MailStore.Models.MsFolder'
        (Get-MsFolder -Depth 3 -Filter '*/Projects').Count | Should -Be 6
        Get-MsFolder nowhere -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MailStoreFolderNotFound,*'
    }

    It 'gets statistics from a task with progress' {
        $stats = Get-MsFolderStatistic 'user000002*'
        $stats.Folder | Should -Be @('user000002', 'user000002/Inbox', 'user000002/Sent Items')
        $stats[1].Count | Should -Be 12
    }

    It 'moves a folder and removes empty folders, sending nothing under -WhatIf' {
        Reset-FakeCall $fake
        Move-MsFolder user000004/Old user000004/Attic -WhatIf
        Remove-MsEmptyFolder user000004 -WhatIf
        Get-FakeCall $fake | Where-Object { $_.Function -in 'MoveFolder', 'DeleteEmptyFolders' } | Should -BeNullOrEmpty
        (Move-MsFolder user000004/Old user000004/Attic -Confirm:$false).StatusCode | Should -Be 'succeeded'
        (Get-MsFolder user000004).Path | Should -Contain 'user000004/Attic'
        Remove-MsEmptyFolder user000004 -Confirm:$false | Out-Null
        (Get-MsFolder user000004).Path | Should -Not -Contain 'user000004/Attic'
    }
}

Describe 'Folder access' {
    It 'gets one object per user and folder' {
        $p = Get-MsFolderPermission user000005
        $p | Should -BeOfType 'MailStoreAdmin.Core.MailStore.Models.MsFolderPermission'
        ($p.Folder, "$($p.Access)") | Should -Be @('user000005', 'Read')
        (Get-MsFolderPermission -Folder 'user00001?').Count | Should -Be 10
    }

    It 'plans a CSV desired state under -WhatIf without sending, applies it, and a second run changes nothing' {
        @'
UserName,Folder,Access
user000001,user000010,Read
user000002,user000010,"Read,Write"
user000010,user000010,None
'@ | Set-Content (Join-Path $work 'access.csv')
        Reset-FakeCall $fake
        $plan = Import-Csv (Join-Path $work 'access.csv') | Sync-MsFolderPermission -WhatIf
        $plan.Action | Should -Be @('Grant', 'Grant', 'Revoke')
        $plan.Status | Should -Be @('Planned', 'Planned', 'Planned')
        $plan[0] | Should -BeOfType 'MailStoreAdmin.Core.MailStore.Models.MsFolderPermissionChange'
        Get-FakeCall $fake -Function SetUserPrivilegesOnFolder | Should -BeNullOrEmpty

        $applied = Import-Csv (Join-Path $work 'access.csv') | Sync-MsFolderPermission -Confirm:$false
        $applied.Status | Should -Be @('Applied', 'Applied', 'Applied')
        # The changes are sent concurrently: the server may receive them in any order (the records keep plan order).
        (Get-FakeCall $fake -Function SetUserPrivilegesOnFolder).Form.privileges | Sort-Object | Should -Be @('none', 'read', 'read,write')
        (Get-MsFolderPermission -Folder user000010 | Sort-Object UserName).UserName | Should -Be @('user000001', 'user000002')

        Import-Csv (Join-Path $work 'access.csv') | Sync-MsFolderPermission -Confirm:$false | Should -BeNullOrEmpty
        @(Get-FakeCall $fake -Function SetUserPrivilegesOnFolder).Count | Should -Be 3
    }

    It 'mirrors Exchange-style FullAccess objects with -RemoveUnlisted inside a scope' {
        $mailboxPermissions = @(
            [pscustomobject]@{ Identity = 'user000011'; User = 'EXAMPLE\user000012'; AccessRights = @('FullAccess'); IsInherited = $false }
            [pscustomobject]@{ Identity = 'user000011'; User = 'NT AUTHORITY\SELF'; AccessRights = @('FullAccess'); IsInherited = $false }
        )
        Set-MsFolderPermission user000013 user000011 Read -Confirm:$false
        $desired = $mailboxPermissions |
            Where-Object { $_.AccessRights -contains 'FullAccess' -and -not $_.IsInherited -and $_.User -notlike 'NT AUTHORITY\*' } |
            ForEach-Object { [pscustomobject]@{ UserName = ($_.User -split '\\')[-1]; Folder = $_.Identity; Access = 'Read' } }
        $changes = $desired | Sync-MsFolderPermission -Scope user000011 -RemoveUnlisted -Confirm:$false
        ($changes | ForEach-Object { "$($_.Action) $($_.UserName)" }) | Should -Be @('Grant user000012', 'Revoke user000013') -Because 'users are read in server order'
        (Get-MsFolderPermission -Folder user000011 | Sort-Object UserName).UserName | Should -Be @('user000011', 'user000012')
    }

    It 'refuses unknown users, unknown folders and bad access before sending' {
        Reset-FakeCall $fake
        { [pscustomobject]@{ UserName = 'ghost'; Folder = 'user000001'; Access = 'Read' } | Sync-MsFolderPermission -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'MailStoreUserNotFound,MailStoreAdmin.Commands.Folders.SyncMsFolderPermissionCommand'
        { @{ UserName = 'user000001'; Folder = 'attic'; Access = 'Read' } | Sync-MsFolderPermission -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'MailStoreFolderNotFound,MailStoreAdmin.Commands.Folders.SyncMsFolderPermissionCommand'
        { @{ UserName = 'user000001'; Folder = 'user000002'; Access = 'Reed' } | Sync-MsFolderPermission -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidDesiredState,MailStoreAdmin.Commands.Folders.SyncMsFolderPermissionCommand'
        { Set-MsFolderPermission user000001 user000002 -Access Reed -ErrorAction Stop } | Should -Throw '*None, Read, Write, Delete*'
        Get-FakeCall $fake -Function SetUserPrivilegesOnFolder | Should -BeNullOrEmpty
    }

    It 'sets, and removes one or all grants of a user' {
        $set = Set-MsFolderPermission user000014 user000015, user000016 Read, Delete -PassThru -Confirm:$false
        $set.Action | Should -Be @('Grant', 'Grant')
        (Remove-MsFolderPermission user000014 user000015 -PassThru -Confirm:$false).Folder | Should -Be 'user000015'
        Reset-FakeCall $fake
        Remove-MsFolderPermission user000014 -Confirm:$false
        @(Get-FakeCall $fake -Function ClearUserPrivilegesOnFolders).Count | Should -Be 1
        Get-MsFolderPermission user000014 | Should -BeNullOrEmpty
    }

    It 'shows change records in a table' {
        $table = [MailStoreAdmin.Core.MailStore.Models.MsFolderPermissionChange]@{ UserName = 'a'; Folder = 'b'; NewAccess = 'Read' } | Format-Table | Out-String -Width 200
        $table | Should -Match 'Action\s+UserName\s+Folder\s+OldAccess\s+NewAccess\s+Status'
    }
}

Describe 'Tab completion' {
    It 'completes user names after -Name and -UserName' {
        Complete 'Set-MsUser -Name user00001' | Should -Contain 'user000010'
        Complete 'Get-MsFolderPermission -UserName ali' | Should -Be @('alice', 'alice.copy')
        Complete 'Remove-MsUser bo' | Should -Be @('bob')
    }

    It 'completes folder paths level by level, quoting names with spaces' {
        Complete 'Get-MsFolder user000003/' | Should -Be @('user000003/Inbox', "'user000003/Sent Items'")
        Complete 'Set-MsFolderPermission -UserName bob -Folder user00002' | Should -Be @('user000020')
    }

    It 'completes store ids and names' {
        Complete 'Get-MsStore -Id ' | Should -Be @('1', '2', '3')
        Complete 'Get-MsStore Arch' | Should -Contain "'Archive 2024'"
    }

    It 'sees a new user after a change made through the module' {
        New-MsUser zed -Confirm:$false
        Complete 'Set-MsUser -Name ze' | Should -Be @('zed')
    }
}
