using System.Management.Automation;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Spe
{
    /// <summary><para type="synopsis">Registers a new SPE client access server with the management server.</para></summary>
    [Cmdlet(VerbsCommon.New, "MsClientAccessServer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PSObject))]
    public sealed class NewMsClientAccessServerCommand : SpeServerSettingsCmdlet
    {
        protected override void ProcessRecord()
        {
            var settings = Settings();
            Run((connection, context, token) => MsSpeServerOperations.NewAsync(connection, MsSpeServerKind.ClientAccessServer, Name, settings, context, token));
        }
    }
}
