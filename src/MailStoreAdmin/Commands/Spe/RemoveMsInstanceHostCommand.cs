using System.Management.Automation;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Spe
{
    /// <summary><para type="synopsis">Removes an SPE instance host from the management server's configuration.</para></summary>
    [Cmdlet(VerbsCommon.Remove, "MsInstanceHost", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveMsInstanceHostCommand : SpeServerNameCmdlet
    {
        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsSpeServerOperations.RemoveAsync(connection, MsSpeServerKind.InstanceHost, Name, context, token));
    }
}
