using System.Management.Automation;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Spe
{
    /// <summary><para type="synopsis">Changes an SPE instance host's configuration: read-modify-write, other settings kept.</para></summary>
    [Cmdlet(VerbsCommon.Set, "MsInstanceHost", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PSObject))]
    public sealed class SetMsInstanceHostCommand : InstanceHostSettingsCmdlet
    {
        /// <summary><para type="description">Writes the configuration as sent.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var changes = Settings();
            Run((connection, context, token) => MsSpeServerOperations.SetAsync(connection, MsSpeServerKind.InstanceHost, Name, changes, PassThru, context, token));
        }
    }
}
