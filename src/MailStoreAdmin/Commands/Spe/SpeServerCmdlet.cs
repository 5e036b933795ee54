using System.Collections.Generic;
using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Spe
{
    /// <summary>The -Name of one SPE instance host or client access server, shared by the cmdlets that act on one server.</summary>
    public abstract class SpeServerNameCmdlet : MsConnectionCmdlet
    {
        /// <summary><para type="description">The server name of the instance host or client access server; binds the serverName property of Get-MsInstanceHost and Get-MsClientAccessServer output.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ServerName")]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = string.Empty;
    }

    /// <summary>The settings New-/Set-MsClientAccessServer and New-/Set-MsInstanceHost share.</summary>
    public abstract class SpeServerSettingsCmdlet : SpeServerNameCmdlet
    {
        /// <summary><para type="description">The TCP port the server listens on.</para></summary>
        [Parameter]
        [ValidateRange(1, 65535)]
        public int? Port { get; set; }

        /// <summary><para type="description">The thumbprint of the server's certificate, which the management server trusts.</para></summary>
        [Parameter]
        public string? CertificateThumbprint { get; set; }

        /// <summary>The settings given, by the names of the server's configuration object.</summary>
        private protected virtual List<KeyValuePair<string, object?>> Settings() =>
            MsConfigObject.Given(("port", Port), ("serverCertificate.thumbprint", CertificateThumbprint));
    }

    /// <summary>The settings New-MsInstanceHost and Set-MsInstanceHost share: those of every server and the base directory.</summary>
    public abstract class InstanceHostSettingsCmdlet : SpeServerSettingsCmdlet
    {
        /// <summary><para type="description">The directory under which the host keeps its instances.</para></summary>
        [Parameter]
        public string? BaseDirectory { get; set; }

        private protected override List<KeyValuePair<string, object?>> Settings()
        {
            var settings = base.Settings();
            settings.AddRange(MsConfigObject.Given(("baseDirectory", BaseDirectory)));
            return settings;
        }
    }
}
