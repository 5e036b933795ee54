using System.Management.Automation;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Spe
{
    /// <summary><para type="synopsis">Removes an SPE client access server from the management server's configuration.</para></summary>
    [Cmdlet(VerbsCommon.Remove, "MsClientAccessServer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveMsClientAccessServerCommand : SpeServerNameCmdlet
    {
        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsSpeServerOperations.RemoveAsync(connection, MsSpeServerKind.ClientAccessServer, Name, context, token));
    }
}
