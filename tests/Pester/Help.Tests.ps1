# Get-Help on the packaged module shows the text of docs/en-US (compiled to MAML by build/MailStoreAdmin.HelpCompiler).
BeforeDiscovery {
    $modulePath = if ($env:MAILSTOREADMIN_MODULE) { $env:MAILSTOREADMIN_MODULE } else { Join-Path $PSScriptRoot '../../out/MailStoreAdmin' }
    Import-Module (Join-Path $modulePath 'MailStoreAdmin.psd1') -Force
    $script:cmdlets = @((Get-Module MailStoreAdmin).ExportedCmdlets.Keys | Sort-Object | ForEach-Object { @{ Name = $_ } })
}

BeforeAll {
    $modulePath = if ($env:MAILSTOREADMIN_MODULE) { $env:MAILSTOREADMIN_MODULE } else { Join-Path $PSScriptRoot '../../out/MailStoreAdmin' }
    Import-Module (Join-Path $modulePath 'MailStoreAdmin.psd1') -Force
    $script:docs = Join-Path $PSScriptRoot '../../docs/en-US'
}

Describe 'Packaged help' {
    It 'ships the MAML file and the about topic' {
        Join-Path $modulePath 'en-US/MailStoreAdmin.dll-Help.xml' | Should -Exist
        (Get-Help about_MailStoreAdmin | Out-String) | Should -Match 'Administration API'
    }

    It 'has help for every exported cmdlet' {
        $cmdlets.Count | Should -BeGreaterThan 30
    }

    It '<Name>: synopsis, description, examples and parameter texts come from its page' -TestCases $cmdlets {
        param($Name)
        $page = Get-Content (Join-Path $docs "$Name.md") -Raw
        $help = Get-Help $Name -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $page | Should -Match ([regex]::Escape(($help.Synopsis -split '\s+')[0..2] -join ' '))
        @($help.Description).Count | Should -BeGreaterThan 0
        $help.Description[0].Text | Should -Not -BeNullOrEmpty
        @($help.Examples.Example).Count | Should -BeGreaterThan 0
        $help.Examples.Example[0].Code | Should -Not -BeNullOrEmpty
        foreach ($parameter in @($help.Parameters.Parameter)) {
            $parameter.Description[0].Text | Should -Not -BeNullOrEmpty -Because "-$($parameter.Name) of $Name has a description on its page"
        }
    }

    It 'Get-Help -Parameter shows the text of one parameter' {
        $credential = Get-Help Connect-MsServer -Parameter Credential
        $credential.Name | Should -Be 'Credential'
        $credential.Required | Should -Be 'true'
        $credential.Position | Should -Be '1'
        ($credential | Out-String) | Should -Match "'api' login privilege"
    }

    It 'Get-Help -Examples shows the code and the remarks of the page' {
        $text = Get-Help Connect-MsServer -Examples | Out-String -Width 200
        $text | Should -Match 'Example 1: Connect and pin'
        $text | Should -Match 'CertificateThumbprint .3F2A9C61B0E4D7F8A1C2B3D4E5F60718293A4B5C'
        $text | Should -Match 'trusts only the certificate with this SHA-1 thumbprint'
    }
}
