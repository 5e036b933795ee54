<#
.SYNOPSIS
    Builds, tests, packages and demonstrates MailStoreAdmin. Runs in Windows PowerShell 5.1 and PowerShell 7.

.DESCRIPTION
    Tasks:
      Build    dotnet build of the solution (Release by default), including the help compiler.
      Package  Build, then an importable module folder in out/MailStoreAdmin (the default task), with its help:
               build/MailStoreAdmin.HelpCompiler turns docs/en-US/<Cmdlet>.md (platyPS markdown schema 2.0) into
               en-US/MailStoreAdmin.dll-Help.xml (MAML) and copies about_MailStoreAdmin.help.txt. No platyPS needed.
      Test     Package, then the xunit suites (dotnet test) and the Pester suite (tests/Pester) against the package.
               Fails when either fails or when Pester cannot be loaded.
      Demo     Package, start the fake MailStore and dbmail-api servers on loopback, and run a short session of the
               main cmdlets.
      Clean    Removes out/ and every bin/obj folder.

    PowerShell and Pester come from the project's own files: `dotnet tool restore` installs the PowerShell version
    pinned in .config/dotnet-tools.json (run the build as `dotnet pwsh ./build.ps1`). The Test task uses an
    installed Pester 5 or later when there is one; otherwise it restores the Pester version pinned in
    build/tools/Tools.csproj from the NuGet feed dotnet is configured with, copies it to out/tools/Pester/<version>
    and imports it from there. A pwsh or Windows PowerShell 5.1 of your own works as well: ./build.ps1 -Task Test.

.PARAMETER Task
    One or more of Build, Package, Test, Demo, Clean, run in the order given. Default: Package.

.PARAMETER Configuration
    Release (default) or Debug.

.EXAMPLE
    dotnet tool restore; dotnet pwsh ./build.ps1
    Import-Module ./out/MailStoreAdmin
    Get-Help Connect-MsServer -Full

.EXAMPLE
    dotnet pwsh ./build.ps1 -Task Demo

.EXAMPLE
    sh tests/setup/install-postgresql.sh && dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Package', 'Test', 'Demo', 'Clean')]
    [string[]] $Task = @('Package'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$root = $PSScriptRoot
$moduleOut = Join-Path $root 'out/MailStoreAdmin'
$fakeProject = Join-Path $root 'tests/MailStoreAdmin.FakeServers/MailStoreAdmin.FakeServers.csproj'

function Invoke-Dotnet {
    # A simple function ($args, no param block), so dotnet's own switches such as -o pass through untouched.
    Write-Host "dotnet $($args -join ' ')" -ForegroundColor DarkGray
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args[0]) failed with exit code $LASTEXITCODE." }
}

function Invoke-Build {
    Invoke-Dotnet build (Join-Path $root 'MailStoreAdmin.sln') -c $Configuration --nologo
}

function Invoke-Package {
    Invoke-Build
    if (Test-Path $moduleOut) { Remove-Item $moduleOut -Recurse -Force }
    # publish copies the module, MailStoreAdmin.Core and what System.Text.Json needs on Windows PowerShell 5.1,
    # plus the manifest and format file; the PowerShell reference assembly is excluded by the project.
    Invoke-Dotnet publish (Join-Path $root 'src/MailStoreAdmin/MailStoreAdmin.csproj') -c $Configuration -o $moduleOut --nologo --no-build
    Get-ChildItem $moduleOut -Filter '*.deps.json' | Remove-Item
    # The dbmail database source (PowerShell 7 only) lives in its own folder and load context with Npgsql. It must
    # use the module's MailStoreAdmin.Core (one IDirectoryUserSource type), so its own copy is removed.
    $dbmailOut = Join-Path $moduleOut 'DbMailDatabase'
    Invoke-Dotnet publish (Join-Path $root 'src/MailStoreAdmin.DbMailDatabase/MailStoreAdmin.DbMailDatabase.csproj') -c $Configuration -o $dbmailOut --nologo --no-build
    Get-ChildItem $dbmailOut -Include 'MailStoreAdmin.Core.*', 'System.Text.Json.dll', '*.deps.json', '*.pdb' -Recurse | Remove-Item
    # MAML help from the markdown pages, by the project's own converter (built with the solution).
    $compiler = Join-Path $root "build/MailStoreAdmin.HelpCompiler/bin/$Configuration/net10.0/MailStoreAdmin.HelpCompiler.dll"
    Invoke-Dotnet $compiler (Join-Path $root 'docs/en-US') (Join-Path $moduleOut 'en-US') 'MailStoreAdmin.dll-Help.xml'
    Write-Host "Module ready: Import-Module $moduleOut" -ForegroundColor Green
}

function Get-PesterModulePath {
    # An installed Pester 5 or later wins (a user's own pwsh or Windows PowerShell 5.1); otherwise the version pinned
    # in build/tools/Tools.csproj, restored through NuGet and copied into out/tools/Pester/<version>.
    $installed = Get-Module -ListAvailable Pester | Where-Object { $_.Version.Major -ge 5 } | Sort-Object Version -Descending | Select-Object -First 1
    if ($installed) {
        Write-Host "Pester $($installed.Version) (installed): $($installed.Path)" -ForegroundColor DarkGray
        return $installed.Path
    }
    $toolsProject = Join-Path $root 'build/tools/Tools.csproj'
    $version = [regex]::Match((Get-Content $toolsProject -Raw), '<PesterVersion>([^<]+)</PesterVersion>').Groups[1].Value
    $target = Join-Path $root "out/tools/Pester/$version"
    $manifest = Join-Path $target 'Pester.psd1'
    if (-not (Test-Path $manifest)) {
        Invoke-Dotnet restore $toolsProject --nologo | Out-Host  # shown, not returned
        $packages = (& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', ''
        $source = Join-Path $packages.Trim() "pester/$version/tools"
        if (-not (Test-Path (Join-Path $source 'Pester.psd1'))) { throw "Pester $version was not restored to $source." }
        $null = New-Item -ItemType Directory -Path $target -Force
        Copy-Item (Join-Path $source '*') $target -Recurse -Force
    }
    Write-Host "Pester $version (restored): $manifest" -ForegroundColor DarkGray
    return $manifest
}

function Invoke-Test {
    Invoke-Package
    # The Pester suite runs even when an xunit suite failed, so one run reports both; the task fails if either did.
    Write-Host "dotnet test MailStoreAdmin.sln -c $Configuration --nologo --no-build" -ForegroundColor DarkGray
    & dotnet test (Join-Path $root 'MailStoreAdmin.sln') -c $Configuration --nologo --no-build
    $xunitExit = $LASTEXITCODE
    $pester = Get-PesterModulePath
    & (Join-Path $root 'tests/Pester/Invoke-PesterSuite.ps1') -ModulePath $moduleOut -Configuration $Configuration -PesterPath $pester
    $pesterExit = $LASTEXITCODE
    if ($xunitExit -ne 0) { throw "dotnet test failed with exit code $xunitExit." }
    if ($pesterExit -ne 0) { throw "The Pester suite failed (exit code $pesterExit)." }
}

function Invoke-Demo {
    Invoke-Package
    Invoke-Dotnet build $fakeProject -c $Configuration --nologo
    & (Join-Path $root 'build/Demo.ps1') -ModulePath $moduleOut -Configuration $Configuration
}

function Invoke-Clean {
    if (Test-Path (Join-Path $root 'out')) { Remove-Item (Join-Path $root 'out') -Recurse -Force }
    Get-ChildItem $root -Directory -Recurse -Include bin, obj | Where-Object { $_.FullName -notmatch '[\\/]\.git[\\/]' } |
        Remove-Item -Recurse -Force
}

foreach ($name in $Task) {
    Write-Host "== $name" -ForegroundColor Cyan
    & "Invoke-$name"
}
