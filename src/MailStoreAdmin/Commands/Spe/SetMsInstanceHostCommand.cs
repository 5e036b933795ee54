using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Spe
{
    /// <summary><para type="synopsis">Changes an SPE instance host's configuration: read-modify-write, other settings kept.</para></summary>
    [Cmdlet(VerbsCommon.Set, "MsInstanceHost", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PSObject))]
    public sealed class SetMsInstanceHostCommand : MsConnectionCmdlet
    {
        /// <summary><para type="description">The instance host's server name; binds the serverName property of Get-MsInstanceHost output.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ServerName")]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = string.Empty;

        /// <summary><para type="description">The TCP port the instance host listens on.</para></summary>
        [Parameter]
        [ValidateRange(1, 65535)]
        public int? Port { get; set; }

        /// <summary><para type="description">The thumbprint of the instance host's certificate, which the management server trusts.</para></summary>
        [Parameter]
        public string? CertificateThumbprint { get; set; }

        /// <summary><para type="description">The directory under which the host keeps its instances.</para></summary>
        [Parameter]
        public string? BaseDirectory { get; set; }

        /// <summary><para type="description">Writes the configuration as sent.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var changes = MsConfigObject.Given(("port", Port), ("serverCertificate.thumbprint", CertificateThumbprint), ("baseDirectory", BaseDirectory));
            Run((connection, context, token) => MsSpeServerOperations.SetAsync(connection, MsSpeServerKind.InstanceHost, Name, changes, PassThru, context, token));
        }
    }
}
