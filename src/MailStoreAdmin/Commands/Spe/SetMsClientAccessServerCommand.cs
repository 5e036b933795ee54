using System.Management.Automation;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Spe
{
    /// <summary><para type="synopsis">Changes an SPE client access server's configuration: read-modify-write, other settings kept.</para></summary>
    [Cmdlet(VerbsCommon.Set, "MsClientAccessServer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PSObject))]
    public sealed class SetMsClientAccessServerCommand : SpeServerSettingsCmdlet
    {
        /// <summary><para type="description">Writes the configuration as sent.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var changes = Settings();
            Run((connection, context, token) => MsSpeServerOperations.SetAsync(connection, MsSpeServerKind.ClientAccessServer, Name, changes, PassThru, context, token));
        }
    }
}
